# Textos de la interfaz. Cada clave de este archivo debe existir en todos los idiomas (una prueba lo comprueba).

app-name = Pelagic
skip-to-content = Ir al contenido principal
menu = Menú
search-placeholder = Buscar en todo…
search = Buscar

# Inicio de sesión y primera configuración
sign-in = Iniciar sesión
sign-in-title = Inicia sesión en Pelagic
sign-out = Cerrar sesión
email = Correo electrónico
password = Contraseña
sign-in-failed = El correo electrónico o la contraseña no son correctos.
sign-in-expired = Este formulario de acceso ha caducado. Vuelva a iniciar sesión.
sign-in-throttled = Demasiados intentos fallidos. Vuelve a intentarlo en 15 minutos.
setup-title = Te damos la bienvenida a Pelagic
setup-intro = Crea tu empresa y su primer administrador. Podrás cambiar todo esto más adelante en la configuración.
company-address = Dirección (aparece en los documentos)
company-tax-number = NIF / número fiscal
company-name = Nombre de la empresa
default-currency = Moneda predeterminada
default-region = Región telefónica predeterminada
time-zone = Zona horaria
language = Idioma
your-name = Tu nombre
password-hint = Al menos 10 caracteres.
create-company = Crear empresa e iniciar sesión
already-set-up = Pelagic ya está configurado; inicia sesión.

# Navegación e inicio
home = Inicio
settings = Configuración
recycle-bin = Papelera
profile = Perfil
greeting = Hola, { $name }
no-open-tasks = No tienes nada pendiente. ¡Buen trabajo!
recent-records = Actualizados recientemente
overdue = Fuera de plazo
due-today = Vence hoy

# Listas
new-record = Crear { $object }
records-count = { $count ->
    [one] { $shown } registro
   *[other] { $shown } registros
}
no-records = Todavía no hay nada aquí.
no-matches = No hay coincidencias.
view-all = Ver todos
next-page = Página siguiente
first-page = Primera página
sort-by = Ordenar por { $field }
filter = Filtrar
clear = Limpiar

# Registros
edit = Editar
save = Guardar
cancel = Cancelar
delete = Eliminar
delete-confirm = ¿Mover este registro a la papelera? Podrás restaurarlo desde allí.
deleted = Movido a la papelera.
saved = Guardado.
created = Creado.
details = Detalles
history = Historial
not-found = Este registro no existe o no tienes permiso para verlo.
fix-errors = Revisa los campos marcados.
yes = Sí
no = No
choose = Selecciona…
masked-value = Parcialmente oculto
duplicate-of = Parece que { $owner } ya registró este cliente.
open-existing = Abrirlo

# Página del registro
timeline = Cronología
log-follow-up = Registrar seguimiento
no-follow-ups = Todavía no hay seguimientos.

# Perfil
preferences = Preferencias
change-password = Cambiar contraseña
current-password = Contraseña actual
new-password = Nueva contraseña
password-changed = Tu contraseña se ha cambiado. Se cerraron las demás sesiones.
preferences-saved = Guardado.

# Filtros de la lista
conditions = Condiciones
match-all = Todas las condiciones
match-any = Cualquier condición
field = Campo
operator = Operador
value = Valor
apply = Aplicar
sorting = Ordenar
ascending = Ascendente
descending = Descendente
filter-refused = No se puede usar este filtro: { $reason }
cond-and = y
cond-or = o
cond-not = no
op-eq = es
op-ne = no es
op-lt = menor que
op-lte = como máximo
op-gt = mayor que
op-gte = como mínimo
op-in = es uno de
op-nin = no es ninguno de
op-contains = contiene
op-starts_with = empieza por
op-is_null = está vacío
op-is_not_null = no está vacío
op-within = en el periodo
period-today = hoy
period-yesterday = ayer
period-this_week = esta semana
period-last_week = la semana pasada
period-this_month = este mes
period-last_month = el mes pasado
period-this_quarter = este trimestre
period-this_year = este año
period-last_n_days_30 = últimos 30 días
period-next_n_days_30 = próximos 30 días

# Vistas guardadas
views = Vistas
open-records = Abiertos
all-records = Todos
save-view = Guardar vista
view-name = Nombre de la vista
share-with-team = Compartir con mi equipo
shared = Compartida
remove = Quitar
columns = Columnas
overview = Resumen
no-history = Todavía no hay cambios.
when = Cuándo
who = Quién
what = Qué
before = Antes
after = Después
action-create = Creado
action-update = Modificado
action-transfer = Cambio de propietario
action-delete = Enviado a la papelera
action-restore = Restaurado
action-purge = Eliminado definitivamente
action-revert = Revertido
action-merge = Fusionado
action-share = Compartido
action-unshare = Dejó de compartirse
bin-empty = La papelera está vacía.
record = Registro
object = Objeto
deleted-by = Eliminado por
deleted-at = Eliminado el
actions = Acciones
restore = Restaurar
purge = Eliminar definitivamente
purge-confirm = Este registro y todo lo que se eliminó con él desaparecerán para siempre. No se puede deshacer.
with-others = { $count ->
    [one] y { $shown } registro más
   *[other] y { $shown } registros más
}
bin-keeps = { $count ->
    [one] Los registros eliminados se guardan aquí { $shown } día y después desaparecen.
   *[other] Los registros eliminados se guardan aquí { $shown } días y después desaparecen.
}
admins-only = Solo los administradores pueden abrir esta página.
company-settings = Empresa
company-settings-about = Nombre, moneda y región telefónica por defecto, cuánto guarda la papelera.
objects-and-fields = Objetos y campos
objects-and-fields-about = Añada campos y objetos, nómbrelos en cada idioma, ordene las opciones.
users = Usuarios
users-about = Dé de alta a personas, asigne rol y equipo, desactive a quien se fue.
teams = Equipos
teams-about = Equipos y sus responsables; los jefes ven los registros de su equipo.
roles-and-permissions = Roles y permisos
roles-and-permissions-about = Qué puede hacer cada rol con cada objeto y qué campos ve.
duplicate-rules = Reglas de duplicados
duplicate-rules-about = Qué campos hacen que dos registros sean el mismo cliente.
bin-days = Días que la papelera guarda los registros
days-must-be-a-number = El número de días debe ser un número entero.
api-name = Nombre API
own-fields = Campos
custom = Personalizado
new-object = Nuevo objeto
create-object = Crear objeto
label = Etiqueta
plural-label = Etiqueta en plural
api-name-hint = Minúsculas, dígitos y _; se usa en enlaces y en la API y no se puede cambiar después.
numbered-with = Numerar los registros como
numbered-hint = Opcional. Por ejemplo JOB-{"{"}yyyy{"}"}-{"{"}seq:4{"}"}: el año y una serie que empieza en 0001 cada año.
lines-of = Líneas con precio de
lines-of-none = (no son líneas)
lines-of-hint = Opcional. Sus registros pasan a ser las líneas del objeto elegido, que muestra entonces sus totales.
field-name-hint = Déjelo vacío para crearlo a partir de la etiqueta.
open-list = Abrir la lista
fields = Campos
field-type = Tipo
required = Obligatorio
new-field = Nuevo campo
add-field = Añadir campo
options = Opciones
options-hint = Para listas: una opción por línea, tal como deben leerla las personas.
lookup-target = Enlaza con
names = Nombres en cada idioma
kind-text = Texto
kind-textarea = Texto largo
kind-integer = Número entero
kind-decimal = Número decimal
kind-money = Importe
kind-percent = Porcentaje
kind-boolean = Sí/no
kind-date = Fecha
kind-datetime = Fecha y hora
kind-email = Correo electrónico
kind-phone = Teléfono
kind-url = Enlace
kind-select = Lista de una opción
kind-multiselect = Lista de varias opciones
kind-lookup = Registro vinculado
kind-user = Usuario
kind-reference = Cualquier registro
kind-id = ID
keep = Conservar
position = Orden
option = Opción
add-options = Añadir opciones
person-name = Nombre
role = Rol
team = Equipo
status = Estado
active = Activo
disabled = Desactivado
new-user = Nuevo usuario
add-user = Añadir usuario
first-password = Contraseña inicial
may-sign-in = Puede iniciar sesión
disable-hint = Al desactivarlo se cierran sus sesiones al instante; sus registros se conservan.
no-teams = Todavía no hay equipos.
parent-team = Forma parte de
manager = Responsable
new-team = Nuevo equipo
team-name = Nombre del equipo
add-team = Añadir equipo
role-admin = Administrador
role-boss = Director
role-manager = Jefe de ventas
role-sales = Vendedor
role-service = Atención al cliente
first-password-hint = Al menos 10 caracteres; podrás cambiarla en tu perfil.
new-role = Nuevo rol
add-role = Añadir rol
new-role-hint = Un rol nuevo empieza sin acceso; asígnele después lo que necesite.
admin-reaches-all = Los administradores llegan a todos los registros y campos.
field-access = Acceso a campos
access = Acceso
operation-create = Crear
operation-read = Ver
operation-edit = Editar
operation-delete = Eliminar
operation-export = Exportar
operation-import = Importar
operation-transfer = Transferir
scope-none = Ninguno
scope-own = Propios
scope-team = Equipo
scope-team_tree = Equipo y subequipos
scope-all = Todos
access-hidden = Oculto
access-masked = Enmascarado
access-read = Solo lectura
access-edit = Editable
duplicate-rules-explained = Los registros que coinciden en cualquiera de estos campos son el mismo cliente: el primero lo conserva y a quien lo vuelva a introducir se le dice quién lo tiene.
match-none = No se compara
match-company = Nombre de empresa (sin forma jurídica ni puntuación)
match-phone = Número de teléfono
match-email = Correo electrónico
match-text = Mismo texto
api-tokens = Tokens de API
api-tokens-about = Un token permite a un script u otro programa usar la API de Pelagic como tú, con tus permisos.
token-copy-now = Copie este token ahora; no se volverá a mostrar:
token-made = Token creado.
token-revoked = Token revocado.
token-name = Nombre del token
token-name-example = p. ej. Formulario web
created-on = Creado
last-used = Último uso
never = Nunca
revoke = Revocar
make-token = Crear token
records-more-than = Más de { $count } registros
count-all = Contar todos
bulk-actions = Acciones en bloque
bulk-action = Acción
bulk-transfer = Pasar a otro propietario
bulk-update = Cambiar un campo
bulk-delete = Eliminar
bulk-export = Exportar a CSV
new-owner = Nuevo propietario
with-related = Con sus contactos, oportunidades y tareas abiertas
new-value = Nuevo valor
every-matching = Todos los registros de la lista, no solo los marcados
apply-bulk = Aplicar
bulk-hint = Marque antes las filas de la lista.
bulk-choose-rows = Marca al menos una fila o elige todos los registros de la lista.
select = Seleccionar
back-to-list = Volver a la lista
job-queued = En espera
job-running = En curso
job-done = Hecho
job-failed = Detenido
job-finding = Buscando los registros…
job-progress = { $done } de { $total } registros tratados
job-failures = No se pudieron cambiar
groups-all = Se cumplen todos los grupos
groups-any = Se cumple algún grupo
group-n = Grupo { $n }
group = Grupo
tasks-due = Tareas para hoy y atrasadas
follow-up = Seguimiento
record-information = Información del registro
pools = Bolsas
pool = Bolsa
all-pools = Todas las bolsas
pools-about = Prospectos y clientes sin responsable. Reclama los que vayas a seguir; lo que no se sigue a tiempo vuelve aquí.
no-pools = No eres miembro de ninguna bolsa.
pool-settings = Configurar bolsas
pool-in-it = En espera
pool-yours = Tuyos
pool-rules = Reglas
pool-waiting =
    { $count ->
        [one] { $shown } registro
       *[other] { $shown } registros
    }
pool-held =
    { $count ->
        [one] tienes { $shown }
       *[other] tienes { $shown }
    }
pool-rule-claim-limit =
    { $count ->
        [one] máximo { $shown } por miembro
       *[other] máximo { $shown } por miembro
    }
pool-rule-daily-limit =
    { $count ->
        [one] máximo { $shown } al día
       *[other] máximo { $shown } al día
    }
pool-rule-follow-up = vuelve sin seguimiento en { $within }
pool-rule-close = vuelve si no se cierra en { $within }
pool-rule-cool-down =
    { $count ->
        [one] el anterior responsable espera { $shown } día para reclamarlo
       *[other] el anterior responsable espera { $shown } días para reclamarlo
    }
pool-empty = No hay nada en espera en esta bolsa.
pool-claim = Reclamar
pool-hand-out = Repartir
pool-give-ticked-to = Dar los marcados a
pool-give = Dar
pool-push-in-turn = Repartir todo por turnos
pool-push-by-match = Repartir por región o sector
pool-handed-out = Repartidos: { $count }.
pool-refused-taken = Otra persona lo reclamó antes, o ya no está en la bolsa.
pool-refused-claim-limit = Límite alcanzado: cada miembro puede tener { $limit } registros de «{ $pool }» a la vez. Libera o cierra uno antes.
pool-refused-daily-limit = Límite diario alcanzado: cada miembro puede tomar { $limit } registros de «{ $pool }» en 24 horas.
pool-refused-capacity = Capacidad alcanzada: cada vendedor puede tener { $limit } cuentas en total.
pool-refused-cool-down = Este registro volvió hace poco a la bolsa desde ti; podrás reclamarlo después de { $until }.
pool-refused-not-member = Solo los miembros de esta bolsa pueden tomar sus registros.
notifications = Notificaciones
no-notifications = No hay notificaciones.
unread = Nueva
mark-read = Marcar como leída
mark-all-read = Marcar todas como leídas
notice-pool-due-soon =
    { $count ->
        [one] { $shown } registro tuyo de «{ $pool }» vuelve a ella el { $due } si no le das seguimiento:
       *[other] { $shown } registros tuyos de «{ $pool }» vuelven a ella desde el { $due } si no les das seguimiento:
    }
notice-pool-returned =
    { $count ->
        [one] { $shown } registro volvió a «{ $pool }» por falta de seguimiento:
       *[other] { $shown } registros volvieron a «{ $pool }» por falta de seguimiento:
    }
convert-lead = Convertir
pool-waiting-in = En espera en la bolsa «{ $pool }»
pool-returns-at = Vuelve a «{ $pool }» el { $due } si no hay seguimiento ni cierre
pool-from = Tomado de la bolsa «{ $pool }»
pool-release = Devolver a la bolsa
currency = Moneda
back-to-lead = Volver al prospecto
convert-title = Convertir a { $name }
convert-about = El prospecto pasa a ser cliente: una cuenta, un contacto y, si quieres, una oportunidad. Sus seguimientos se ven desde ambos lados.
convert-account = Cuenta
convert-new-account = Crear una cuenta nueva
convert-account-name = Nombre de la cuenta
convert-link-account = Vincular a la cuenta existente { $name }
convert-contact = Contacto
convert-contact-name = Nombre del contacto
convert-deal = Oportunidad
convert-create-deal = Crear también una oportunidad
convert-deal-name = Nombre de la oportunidad
convert-amount = Importe
convert-close-date = Fecha prevista de cierre
open = Abrir
pool-settings-about = Bolsas de prospectos y de clientes: quién trabaja en ellas, límites, plazos y campos ocultos.
pools-settings-about = Un registro con bolsa y sin responsable espera en ella. Los miembros lo reclaman; los administradores lo reparten. Si no se sigue a tiempo, vuelve.
no-pools-yet = Aún no hay bolsas.
new-pool = Nueva bolsa
add-pool = Añadir bolsa
pool-name = Nombre
pool-holds = Contiene
pool-admins = Administradores (reparten registros)
pool-members = Miembros (reclaman registros)
pool-teams = Equipos miembros (con sus subequipos)
pool-claim-limit = Máximo a la vez por miembro (0: sin límite)
pool-daily-limit = Reclamaciones por miembro al día (0: sin límite)
pool-cool-down-days = Días antes de que el anterior responsable pueda reclamar de nuevo
pool-follow-up-within = Vuelve sin seguimiento en
pool-close-within = Vuelve si no se convierte o gana en
pool-warn-before = Avisar al responsable con antelación de
pool-hidden-fields = Ocultos mientras están en la bolsa ({ $object })
pool-match-field = Repartir por este campo ({ $object })
pool-match-values = Valores que toma cada miembro al repartir por campo
not-a-number = «{ $value }» no es un número entero.
returning-soon = Vuelven a su bolsa si no hay seguimiento
soon = en menos de un día
pipeline = Embudo de ventas
funnel = Conversión por etapas
sales-process = Proceso de venta
show = Mostrar
board-hint = Arrastra una tarjeta a otra etapa o usa su menú Mover.
move = Mover
move-to = Mover a la etapa
move-into = Mover a «{ $stage }»
move-asks = Esta etapa pide:
move-nothing-asked = Esta etapa no pide nada más.
owner = Responsable
everyone = Todos
every-team = Todos los equipos
created-from = Creadas desde
created-before = Creadas antes de
deals = oportunidades
won = ganadas
lost = perdidas
win-rate = tasa de éxito
stage-conversion = Etapa por etapa
stage = Etapa
reached = Llegaron
went-on = Avanzaron
lost-here = Perdidas aquí
avg-days = Días de media
forecast = Previsión
no-open-deals = No hay oportunidades abiertas.
close-month = Cierre previsto
pipeline-amount = Importe
weighted = Ponderado
deal-count = Oportunidades
put-into-pool = Poner en una bolsa
calendar-feed = Calendario suscrito
calendar-feed-about = Una dirección privada a la que se suscribe tu aplicación de calendario (Google Calendar, Outlook, Calendario de Apple): ahí aparecen tus tareas abiertas con vencimiento y los seguimientos que planificaste. Quien tenga la dirección los ve, así que no la compartas; crear una nueva anula la anterior.
calendar-feed-copy-now = Copia ahora esta dirección en tu aplicación de calendario; no se volverá a mostrar:
calendar-feed-since = Tu calendario suscrito está activo desde { $when }.
calendar-feed-make = Crear dirección de calendario
calendar-feed-remake = Crear una dirección nueva (la anterior deja de funcionar)
calendar-feed-stop = Detener el calendario
calendar-feed-made = Tu dirección de calendario está lista.
calendar-feed-stopped = El calendario se detuvo; los calendarios suscritos ya no se actualizan.
notice-task-due = Una tarea tuya vence el { $due }:
notice-stale-customers =
    { $count ->
        [one] { $shown } cliente tuyo de nivel { $level } lleva { $days } días sin seguimiento:
       *[other] { $shown } clientes tuyos de nivel { $level } llevan { $days } días sin seguimiento:
    }
team-activity = Actividad del equipo
period = Periodo
by-day = Por día
by-week = Por semana
by-month = Por mes
from-day = Desde
before-day = Hasta (sin incluir)
follow-ups = Seguimientos
customers-contacted = Clientes contactados
new-customers = Clientes nuevos
leads-converted = Leads convertidos
deals-created = Oportunidades creadas
deals-won = Oportunidades ganadas
amount-won = Importe ganado
by-salesperson = Por vendedor
by-period = Por periodo
salesperson = Vendedor
team-total = Total del equipo
period-starting = Periodo desde
no-activity = No se registró nada en este intervalo.
sales-settings = Reglas y procesos de venta
sales-settings-about = Cuántas cuentas puede tener un vendedor, cuándo se avisa de clientes olvidados y las etapas de cada proceso de venta.
customer-rules = Clientes
account-capacity = Cuentas por vendedor
account-capacity-hint = Los pools dejan de dar cuentas a quien ya tiene esta cantidad (0: sin límite).
stale-after-days = Avisar al responsable tras estos días sin seguimiento
level-named = Nivel { $level }
stale-after-days-hint = Se comprueba una vez al día; 0 no avisa nunca.
sales-processes = Procesos de venta
stages = Etapas
default = Predeterminado
new-process = Nuevo proceso de venta
process-name = Nombre
process-team = Lo siguen las oportunidades del equipo
process-default = El predeterminado para las demás oportunidades
order = Orden
probability = Probabilidad de ganar
stage-asks-for = Pide al entrar
process-hint = Marca las etapas del proceso y numera su orden; ganada, perdida y no válida cierran todos los procesos, y una oportunidad perdida siempre dice por qué.
add-process = Añadir proceso
notice-approval-requested = Se solicita tu aprobación («{ $flow }»):
notice-approval-approved = Aprobado:
notice-approval-rejected = Rechazado, con el comentario «{ $comment }»:
notice-contract-renewal =
    { $count ->
        [one] { $shown } contrato tuyo se acerca a su renovación:
       *[other] { $shown } contratos tuyos se acercan a su renovación:
    }
notice-order-unhandled =
    { $count ->
        [one] { $shown } pedido confirmado tuyo no ha avanzado a tiempo:
       *[other] { $shown } pedidos confirmados tuyos no han avanzado a tiempo:
    }
notice-instalment-overdue =
    { $count ->
        [one] { $shown } pedido tuyo tiene un plazo vencido:
       *[other] { $shown } pedidos tuyos tienen plazos vencidos:
    }
notice-quote-expired =
    { $count ->
        [one] { $shown } cotización tuya ha caducado:
       *[other] { $shown } cotizaciones tuyas han caducado:
    }
doc-word-description = Descripción
doc-word-quantity = Cantidad
doc-word-unit_price = Precio unitario
doc-word-discount = Descuento
doc-word-tax = Impuesto
doc-word-total = Total
doc-word-subtotal = Subtotal
doc-word-valid_until = Válido hasta
doc-word-customer = Cliente
doc-word-amount = Importe
doc-word-period = Vigencia
doc-word-quote = Cotización
doc-word-order = Pedido
doc-word-tax_number = NIF
doc-word-terms = Condiciones
doc-word-date = Fecha
standard-template = Plantilla estándar
document-sent-on = Enviado { $when } a { $to }
approval-pending = pendiente de aprobación
approval-approved = aprobado
approval-rejected = rechazado
step-submit = Enviar a aprobación
step-send = Marcar como enviado
step-accept = El cliente aceptó
step-reject = El cliente rechazó
step-revise = Revisar (nueva versión)
step-order = Crear pedido
order-made-from = De esta cotización se hizo el pedido { $number }
approvals = Aprobaciones
documents = Documentos
template = Plantilla
print-preview = Vista previa
download-pdf = Descargar PDF
keep-document = Guardar una copia
no-documents = Aún no hay documentos guardados.
sent-to = Enviado a (dirección o nombre)
mark-sent = Enviado al cliente
document-sent-tag = Enviado al cliente
action-submit = Enviado a aprobación
action-send = Enviado
action-accept = Aceptado
action-reject = Rechazado por el cliente
action-revise = Revisado
action-approved = Aprobado
action-rejected = Rechazado
action-approval = Aprobación
action-document = Documento guardado
action-document_sent = Documento enviado
action-convert = Convertido
collections = Cobranza
submitted-by = Enviado por
waited = Esperando desde hace
waited-minutes = { $count ->
    [one] { $shown } minuto
   *[other] { $shown } minutos
}
waited-hours = { $count ->
    [one] { $shown } hora
   *[other] { $shown } horas
}
waited-days = { $count ->
    [one] { $shown } día
   *[other] { $shown } días
}
no-approvals = Nada espera tu aprobación.
approval-comment = Comentario (obligatorio para rechazar)
approve = Aprobar
reject = Rechazar
due-from = Vence desde
due-before = Vence antes de
group-by = Agrupar por
collection-rate = Tasa de cobro
collected = Cobrado
due = Vencido a cobrar
outstanding = Pendiente
orders-by-status = Pedidos por estado
sales-by-product = Ventas por producto
sales-by-category = Ventas por categoría
count = Cantidad
amount = Importe
product = Producto
quantity = Cantidad
category = Categoría
free-text-lines = Líneas sin producto
customer = Cliente
lines = Líneas
no-lines = Aún no hay líneas.
add-line = Añadir línea
add-line-hint = Deje vacíos el precio, la descripción y el impuesto para tomarlos del producto.
free-text-line = — texto libre —
price-from-product = del producto
payments-summary = Pedidos y cobros
all-customers = Todos los clientes
templates-writers-only = Solo los administradores y los responsables editan las plantillas de documentos.
document-templates = Plantillas de documentos
new-template-for = Nueva plantilla: { $object }
prints = Imprime
updated = Actualizada
built-in = incluida
templates-about = Las plantillas son HTML con campos de combinación. Una plantilla solo lee lo que su autor puede leer, la imprima quien la imprima.
new-template = Nueva plantilla
builtin-template-copy = La plantilla propia de Pelagic no cambia: póngale un nombre y guarde una copia para hacerla suya.
template-name = Nombre
template-html = HTML
preview-with = Vista previa con
preview-needs-record = La vista previa necesita un registro que imprimir: cree uno primero.
save-copy = Guardar una copia
merge-fields = Campos de combinación
merge-fields-hint = Solo se muestran los campos que tú puedes leer; se rechaza una plantilla que nombre otro.
also = Además
delete-template = Eliminar plantilla
delete-template-confirm = Los documentos ya guardados no cambian; la plantilla no se puede restaurar.
approval-flows = Flujos de aprobación
approval-flows-about = Qué cotizaciones, contratos, pedidos y reembolsos esperan la aprobación de quién. Los flujos se prueban en orden; decide el primero cuya condición cumple el registro.
approval-flow = Flujo
applies-to = Se aplica a
condition = Condición
approval-steps = Pasos
inactive = inactivo
move-up = Subir
no-approval-flows = No hay flujos de aprobación: todo registro enviado se aprueba al instante.
new-approval-flow = Nuevo flujo de aprobación
flow-name = Nombre
flow-active = Activo
condition-hint = Deben cumplirse todas (por ejemplo Descuento global mayor que 15). Vacío: todo registro del objeto necesita aprobación.
condition-as-filter = O la condición en el lenguaje de filtros (se usa si se rellena)
approval-steps-hint = En orden. Cada paso: quién decide y si basta uno o deben aprobar todos.
approver = Aprobador
approver-manager = El responsable de quien envía
approver-role = Todos los de un rol
approver-user = Un usuario concreto
user = Usuario
approval-mode = Decide
approve-any = cualquiera de ellos
approve-all = todos ellos
add-approval-flow = Añadir flujo
approver-role-named = rol { $role }
every-record = todo registro
condition-unreadable = La condición no se entiende: { $error }
numbering-settings = Numeración y avisos
numbering-settings-about = Cómo se numeran cotizaciones, pedidos y contratos; cuándo un pedido sin atender avisa a su responsable.
document-templates-about = Cotizaciones, pedidos y contratos imprimibles: HTML con campos de combinación, con vista previa sobre un registro real.
numbering-patterns = Patrones de numeración
next-number-example = primero de este año: { $number }
numbering-hint = Texto con {"{"}yyyy{"}"} (año), {"{"}yy{"}"}, {"{"}mm{"}"}, {"{"}dd{"}"} y {"{"}seq:N{"}"} (secuencia de N cifras que vuelve a 1 cada año), por ejemplo SO-{"{"}yyyy{"}"}-{"{"}seq:5{"}"}.
order-unhandled-hours = Avisar de un pedido confirmado tras (horas)
order-unhandled-hours-hint = Si un pedido sigue confirmado tanto tiempo, se avisa una vez a su responsable. 0: nunca.
approvals-waiting = { $count ->
    [one] { $shown } aprobación espera tu decisión
   *[other] { $shown } aprobaciones esperan tu decisión
}
menu-customers = Clientes
menu-sales = Ventas
menu-money = Finanzas
menu-work = Trabajo
menu-catalogue = Catálogo
menu-more = Más
menu-group = Grupo del menú
span-days = { $count ->
    [one] { $shown } día
   *[other] { $shown } días
}
span-hours = { $count ->
    [one] { $shown } hora
   *[other] { $shown } horas
}
span-minutes = { $count ->
    [one] { $shown } minuto
   *[other] { $shown } minutos
}
span-seconds = { $count ->
    [one] { $shown } segundo
   *[other] { $shown } segundos
}
pool-durations-hint = Escribe los plazos como 30 minutos, 12 horas o 7 días (o 30m, 12h, 7d); vacío para ninguno.
process-standard = Proceso de venta estándar
condition-example = El ejemplo dice: total superior a 100.000 o descuento total superior al 15 %.
