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
sign-in-throttled = Demasiados intentos fallidos. Vuelve a intentarlo en 15 minutos.
setup-title = Te damos la bienvenida a Pelagic
setup-intro = Crea tu empresa y su primer administrador. Podrás cambiar todo esto más adelante en la configuración.
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
my-open-tasks = Mis tareas pendientes
no-open-tasks = No tienes nada pendiente. ¡Buen trabajo!
recent-records = Actualizados recientemente
overdue = Fuera de plazo
due-today = Vence hoy

# Listas
new-record = Crear { $object }
records-count = { $count ->
    [one] { $count } registro
   *[other] { $count } registros
}
no-records = Todavía no hay nada aquí.
no-matches = No hay coincidencias.
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
all-records = Todos
save-view = Guardar vista
view-name = Nombre de la vista
share-with-team = Compartir con mi equipo
shared = Compartida
remove = Quitar
