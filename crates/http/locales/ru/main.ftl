# Строки интерфейса. Каждый ключ из этого файла должен быть во всех языках (это проверяет тест).

app-name = Pelagic
skip-to-content = Перейти к основному содержимому
menu = Меню
search-placeholder = Искать везде…
search = Поиск

# Вход и первый запуск
sign-in = Войти
sign-in-title = Вход в Pelagic
sign-out = Выйти
email = Эл. почта
password = Пароль
sign-in-failed = Неверный адрес эл. почты или пароль.
sign-in-expired = Срок действия формы входа истёк. Войдите ещё раз.
sign-in-throttled = Слишком много неудачных попыток. Повторите через 15 минут.
setup-title = Добро пожаловать в Pelagic
setup-intro = Создайте свою компанию и её первого администратора. Всё это можно изменить позже в настройках.
company-address = Адрес (печатается в документах)
company-tax-number = ИНН
company-name = Название компании
default-currency = Валюта по умолчанию
default-region = Регион телефонных номеров по умолчанию
time-zone = Часовой пояс
language = Язык
your-name = Ваше имя
password-hint = Не менее 10 символов.
create-company = Создать компанию и войти
already-set-up = Pelagic уже настроен — просто войдите.

# Навигация и главная страница
home = Главная
settings = Настройки
recycle-bin = Корзина
profile = Профиль
greeting = Здравствуйте, { $name }
no-open-tasks = Открытых задач нет. Отличная работа!
recent-records = Недавно изменённые
overdue = Просрочено
due-today = Срок сегодня

# Списки
new-record = Создать: { $object }
records-count = { $count ->
    [one] { $shown } запись
    [few] { $shown } записи
    [many] { $shown } записей
   *[other] { $shown } записи
}
no-records = Здесь пока ничего нет.
no-matches = Ничего не найдено.
view-all = Показать все
next-page = Следующая страница
first-page = Первая страница
sort-by = Сортировка: { $field }
filter = Фильтр
clear = Сбросить

# Записи
edit = Изменить
save = Сохранить
cancel = Отмена
delete = Удалить
delete-confirm = Переместить эту запись в корзину? Её можно будет восстановить оттуда.
deleted = Перемещено в корзину.
saved = Сохранено.
created = Создано.
details = Подробности
history = История изменений
not-found = Такой записи нет, или у вас нет доступа к ней.
fix-errors = Проверьте поля, заполненные с ошибками.
yes = Да
no = Нет
choose = Выберите…
masked-value = Частично скрыто
duplicate-of = Похоже, этот клиент уже внесён пользователем { $owner }.
open-existing = Открыть

# Страница записи
timeline = Хронология
log-follow-up = Добавить касание
no-follow-ups = Касаний пока нет.

# Профиль
preferences = Настройки
change-password = Сменить пароль
current-password = Текущий пароль
new-password = Новый пароль
password-changed = Пароль изменён. Остальные сеансы завершены.
preferences-saved = Сохранено.

# Фильтры списка
conditions = Условия
match-all = Все условия
match-any = Любое условие
field = Поле
operator = Оператор
value = Значение
apply = Применить
sorting = Сортировка
ascending = По возрастанию
descending = По убыванию
filter-refused = Этот фильтр нельзя применить: { $reason }
cond-and = и
cond-or = или
cond-not = не
op-eq = равно
op-ne = не равно
op-lt = меньше
op-lte = не больше
op-gt = больше
op-gte = не меньше
op-in = одно из
op-nin = ни одно из
op-contains = содержит
op-starts_with = начинается с
op-is_null = пусто
op-is_not_null = не пусто
op-within = за период
period-today = сегодня
period-yesterday = вчера
period-this_week = эта неделя
period-last_week = прошлая неделя
period-this_month = этот месяц
period-last_month = прошлый месяц
period-this_quarter = этот квартал
period-this_year = этот год
period-last_n_days_30 = последние 30 дней
period-next_n_days_30 = следующие 30 дней

# Сохранённые представления
views = Представления
open-records = В работе
all-records = Все
save-view = Сохранить представление
view-name = Название представления
share-with-team = Поделиться с командой
shared = Общее
remove = Удалить
columns = Столбцы
overview = Обзор
no-history = Изменений пока нет.
when = Когда
who = Кто
what = Что
before = Было
after = Стало
action-create = Создано
action-update = Изменено
action-transfer = Смена ответственного
action-delete = Перемещено в корзину
action-restore = Восстановлено
action-purge = Удалено навсегда
action-revert = Откат
action-merge = Объединено
action-share = Открыт доступ
action-unshare = Доступ закрыт
bin-empty = Корзина пуста.
record = Запись
object = Объект
deleted-by = Кто удалил
deleted-at = Когда удалено
actions = Действия
restore = Восстановить
purge = Удалить навсегда
purge-confirm = Эта запись и всё, что было удалено вместе с ней, исчезнут навсегда. Отменить это нельзя.
with-others = { $count ->
    [one] и ещё { $shown } запись
    [few] и ещё { $shown } записи
    [many] и ещё { $shown } записей
   *[other] и ещё { $shown } записи
}
bin-keeps = { $count ->
    [one] Удалённые записи хранятся здесь { $shown } день, затем удаляются навсегда.
    [few] Удалённые записи хранятся здесь { $shown } дня, затем удаляются навсегда.
    [many] Удалённые записи хранятся здесь { $shown } дней, затем удаляются навсегда.
   *[other] Удалённые записи хранятся здесь { $shown } дня, затем удаляются навсегда.
}
admins-only = Эта страница доступна только администраторам.
company-settings = Компания
company-settings-about = Название, валюта и телефонный регион по умолчанию, срок хранения в корзине.
objects-and-fields = Объекты и поля
objects-and-fields-about = Добавляйте поля и объекты, называйте их на каждом языке, настраивайте варианты списков.
users = Пользователи
users-about = Добавляйте сотрудников, назначайте роль и отдел, отключайте ушедших.
teams = Отделы
teams-about = Отделы и их руководители; руководители видят записи своего отдела.
roles-and-permissions = Роли и права
roles-and-permissions-about = Что каждая роль может делать с каждым объектом и какие поля видит.
duplicate-rules = Правила дублей
duplicate-rules-about = Какие поля делают две записи одним клиентом.
bin-days = Сколько дней хранить в корзине
days-must-be-a-number = Число дней должно быть целым.
api-name = Имя в API
own-fields = Поля
custom = Своё
new-object = Новый объект
create-object = Создать объект
label = Название
plural-label = Название во множественном числе
api-name-hint = Строчные латинские буквы, цифры и _; используется в ссылках и API, потом не меняется.
numbered-with = Нумеровать записи так
numbered-hint = Необязательно. Например JOB-{"{"}yyyy{"}"}-{"{"}seq:4{"}"}: год и номер, который каждый год начинается с 0001.
lines-of = Строки с ценами для
lines-of-none = (не строки)
lines-of-hint = Необязательно. Записи станут строками выбранного объекта, и он будет показывать их итоги.
field-name-hint = Оставьте пустым, чтобы получить его из названия.
open-list = Открыть список
fields = Поля
field-type = Тип
required = Обязательное
new-field = Новое поле
add-field = Добавить поле
options = Варианты
options-hint = Для списков: по одному варианту в строке, так, как его будут читать.
lookup-target = Ссылается на
names = Названия на каждом языке
kind-text = Текст
kind-textarea = Длинный текст
kind-integer = Целое число
kind-decimal = Дробное число
kind-money = Сумма
kind-percent = Процент
kind-boolean = Да/нет
kind-date = Дата
kind-datetime = Дата и время
kind-email = Эл. почта
kind-phone = Телефон
kind-url = Ссылка
kind-select = Выбор одного
kind-multiselect = Выбор нескольких
kind-lookup = Связанная запись
kind-user = Пользователь
kind-reference = Любая запись
kind-id = ID
keep = Оставить
position = Порядок
option = Вариант
add-options = Добавить варианты
person-name = Имя
role = Роль
team = Отдел
status = Статус
active = Активен
disabled = Отключён
new-user = Новый пользователь
add-user = Добавить пользователя
first-password = Начальный пароль
may-sign-in = Может входить
disable-hint = При отключении все сеансы сразу завершаются; записи остаются.
no-teams = Отделов пока нет.
parent-team = Входит в
manager = Руководитель
new-team = Новый отдел
team-name = Название отдела
add-team = Добавить отдел
role-admin = Администратор
role-boss = Руководство
role-manager = Руководитель продаж
role-sales = Продавец
role-service = Поддержка
first-password-hint = Не короче 10 символов; пользователь сменит его в профиле.
new-role = Новая роль
add-role = Добавить роль
new-role-hint = Новая роль создаётся без прав; затем выдайте нужные.
admin-reaches-all = Администраторам доступны все записи и поля.
field-access = Доступ к полям
access = Доступ
operation-create = Создание
operation-read = Просмотр
operation-edit = Изменение
operation-delete = Удаление
operation-export = Экспорт
operation-import = Импорт
operation-transfer = Передача
scope-none = Нет
scope-own = Свои
scope-team = Отдел
scope-team_tree = Отдел и подотделы
scope-all = Все
access-hidden = Скрыто
access-masked = Маскировано
access-read = Только чтение
access-edit = Изменение
duplicate-rules-explained = Записи, совпадающие по любому из полей ниже, считаются одним клиентом: он остаётся за первым, а остальным сообщается, у кого он.
match-none = Не сравнивать
match-company = Название компании (без ОПФ и знаков)
match-phone = Номер телефона
match-email = Адрес эл. почты
match-text = Одинаковый текст
api-tokens = API-токены
api-tokens-about = Токен позволяет скрипту или другой программе работать с API Pelagic от вашего имени и с вашими правами.
token-copy-now = Скопируйте токен сейчас — больше он показан не будет:
token-made = Токен создан.
token-revoked = Токен отозван.
token-name = Название токена
token-name-example = например, Форма на сайте
created-on = Создан
last-used = Последнее использование
never = Никогда
revoke = Отозвать
make-token = Создать токен
records-more-than = Более { $count } записей
count-all = Посчитать все
bulk-actions = Массовые действия
bulk-action = Действие
bulk-transfer = Передать другому ответственному
bulk-update = Изменить поле
bulk-delete = Удалить
bulk-export = Выгрузить в CSV
new-owner = Новый ответственный
with-related = Вместе с контактами, сделками и открытыми задачами
new-value = Новое значение
every-matching = Все записи списка, а не только отмеченные
apply-bulk = Выполнить
bulk-hint = Сначала отметьте строки в списке ниже.
bulk-choose-rows = Отметьте хотя бы одну строку или выберите все записи списка.
select = Выбрать
back-to-list = Назад к списку
job-queued = В очереди
job-running = Выполняется
job-done = Готово
job-failed = Остановлено
job-finding = Ищем записи…
job-progress = Обработано { $done } из { $total }
job-failures = Не удалось изменить
groups-all = Выполнены все группы
groups-any = Выполнена любая группа
group-n = Группа { $n }
group = Группа
tasks-due = Задачи на сегодня и просроченные
follow-up = Контакт
record-information = Сведения о записи
pools = Пулы
pool = Пул
all-pools = Все пулы
pools-about = Лиды и клиенты без ответственного. Берите тех, с кем будете работать; без работы вовремя они возвращаются сюда.
no-pools = Вы не участник ни одного пула.
pool-settings = Настроить пулы
pool-in-it = Ожидают
pool-yours = Ваши
pool-rules = Правила
pool-waiting =
    { $count ->
        [one] { $shown } запись
        [few] { $shown } записи
       *[other] { $shown } записей
    }
pool-held =
    { $count ->
        [one] у вас { $shown }
       *[other] у вас { $shown }
    }
pool-rule-claim-limit =
    { $count ->
        [one] не более { $shown } на участника
       *[other] не более { $shown } на участника
    }
pool-rule-daily-limit =
    { $count ->
        [one] не более { $shown } в день
       *[other] не более { $shown } в день
    }
pool-rule-follow-up = возврат без контакта за { $within }
pool-rule-close = возврат без сделки за { $within }
pool-rule-cool-down =
    { $count ->
        [one] прежний владелец ждёт { $shown } день
        [few] прежний владелец ждёт { $shown } дня
       *[other] прежний владелец ждёт { $shown } дней
    }
pool-empty = В этом пуле ничего нет.
pool-claim = Взять
pool-hand-out = Распределить
pool-give-ticked-to = Передать отмеченные
pool-give = Передать
pool-push-in-turn = Раздать всё по очереди
pool-push-by-match = Раздать по региону или отрасли
pool-handed-out = Распределено: { $count }.
pool-refused-taken = Эту запись уже взял кто-то другой, или её больше нет в пуле.
pool-refused-claim-limit = Достигнут лимит: участник может держать не более { $limit } записей из «{ $pool }». Сначала верните или закройте одну.
pool-refused-daily-limit = Дневной лимит: участник может взять не более { $limit } записей из «{ $pool }» за 24 часа.
pool-refused-capacity = Достигнут предел: у продавца может быть не более { $limit } клиентов.
pool-refused-cool-down = Эта запись недавно вернулась от вас в пул; взять её снова можно после { $until }.
pool-refused-not-member = Брать записи из пула могут только его участники.
notifications = Уведомления
no-notifications = Уведомлений нет.
unread = Новое
mark-read = Отметить прочитанным
mark-all-read = Отметить все прочитанными
notice-pool-due-soon =
    { $count ->
        [one] { $shown } ваша запись из «{ $pool }» вернётся в пул { $due }, если не связаться:
        [few] { $shown } ваши записи из «{ $pool }» вернутся в пул с { $due }, если не связаться:
       *[other] { $shown } ваших записей из «{ $pool }» вернутся в пул с { $due }, если не связаться:
    }
notice-pool-returned =
    { $count ->
        [one] { $shown } запись вернулась в «{ $pool }» без контакта вовремя:
        [few] { $shown } записи вернулись в «{ $pool }» без контакта вовремя:
       *[other] { $shown } записей вернулись в «{ $pool }» без контакта вовремя:
    }
convert-lead = Конвертировать
pool-waiting-in = Ожидает в пуле «{ $pool }»
pool-returns-at = Вернётся в «{ $pool }» { $due }, если не будет контакта или сделки
pool-from = Взято из пула «{ $pool }»
pool-release = Вернуть в пул
currency = Валюта
back-to-lead = Назад к лиду
convert-title = Конвертировать { $name }
convert-about = Лид становится клиентом: компания, контакт и, при желании, сделка. История контактов видна с обеих сторон.
convert-account = Компания
convert-new-account = Создать новую компанию
convert-account-name = Название компании
convert-link-account = Связать с существующей компанией { $name }
convert-contact = Контакт
convert-contact-name = Имя контакта
convert-deal = Сделка
convert-create-deal = Также создать сделку
convert-deal-name = Название сделки
convert-amount = Сумма
convert-close-date = Ожидаемая дата закрытия
open = Открыть
pool-settings-about = Пулы лидов и клиентов: участники, лимиты, сроки и скрытые поля.
pools-settings-about = Запись с пулом и без владельца ждёт в пуле. Участники берут записи, администраторы раздают. Без контакта вовремя запись возвращается.
no-pools-yet = Пулов пока нет.
new-pool = Новый пул
add-pool = Добавить пул
pool-name = Название
pool-holds = Содержит
pool-admins = Администраторы (раздают записи)
pool-members = Участники (берут записи)
pool-teams = Команды-участники (с подкомандами)
pool-claim-limit = Одновременно на участника (0 — без лимита)
pool-daily-limit = Взятий в день на участника (0 — без лимита)
pool-cool-down-days = Дней до повторного взятия прежним владельцем
pool-follow-up-within = Возврат без контакта через
pool-close-within = Возврат без конвертации или сделки через
pool-warn-before = Предупреждать владельца заранее за
pool-hidden-fields = Скрыты, пока запись в пуле ({ $object })
pool-match-field = Раздавать по полю ({ $object })
pool-match-values = Значения, которые получает каждый участник при раздаче по полю
not-a-number = «{ $value }» — не целое число.
returning-soon = Вернутся в пул без контакта
soon = в течение дня
pipeline = Воронка сделок
funnel = Конверсия по этапам
sales-process = Процесс продаж
show = Показать
board-hint = Перетащите карточку в другой этап или используйте меню «Переместить».
move = Переместить
move-to = Переместить в этап
move-into = Переместить в «{ $stage }»
move-asks = Для этого этапа нужно указать:
move-nothing-asked = Для этого этапа больше ничего не нужно.
owner = Ответственный
everyone = Все
every-team = Все команды
created-from = Созданы с
created-before = Созданы до
deals = сделок
won = выиграно
lost = проиграно
win-rate = доля выигрышей
stage-conversion = По этапам
stage = Этап
reached = Дошли
went-on = Перешли дальше
lost-here = Потеряно здесь
avg-days = Дней в среднем
forecast = Прогноз
no-open-deals = Открытых сделок нет.
close-month = Ожидаемое закрытие
pipeline-amount = Сумма
weighted = С учётом вероятности
deal-count = Сделки
put-into-pool = Поместить в пул
calendar-feed = Календарь по подписке
calendar-feed-about = Личный адрес, на который подписывается ваш календарь (Google Календарь, Outlook, Календарь Apple): в нём появляются ваши открытые задачи со сроком и запланированные контакты. Их видит любой, у кого есть адрес, поэтому не передавайте его; новый адрес отменяет старый.
calendar-feed-copy-now = Скопируйте этот адрес в календарь сейчас: больше он показан не будет:
calendar-feed-since = Ваш календарь по подписке работает с { $when }.
calendar-feed-make = Создать адрес календаря
calendar-feed-remake = Создать новый адрес (старый перестанет работать)
calendar-feed-stop = Отключить календарь
calendar-feed-made = Адрес календаря готов.
calendar-feed-stopped = Календарь отключён: подписанные календари больше не обновляются.
notice-task-due = Срок вашей задачи — { $due }:
notice-stale-customers =
    { $count ->
        [one] { $shown } ваш клиент уровня { $level } без контакта уже { $days } дн.:
        [few] { $shown } ваших клиента уровня { $level } без контакта уже { $days } дн.:
       *[other] { $shown } ваших клиентов уровня { $level } без контакта уже { $days } дн.:
    }
team-activity = Активность команды
period = Период
by-day = По дням
by-week = По неделям
by-month = По месяцам
from-day = С
before-day = До (не включая)
follow-ups = Контакты
customers-contacted = Клиентов охвачено
new-customers = Новые клиенты
leads-converted = Лидов конвертировано
deals-created = Сделок создано
deals-won = Сделок выиграно
amount-won = Сумма выигранных
by-salesperson = По менеджерам
by-period = По периодам
salesperson = Менеджер
team-total = Итого по команде
period-starting = Начало периода
no-activity = За этот срок ничего не записано.
sales-settings = Правила и процессы продаж
sales-settings-about = Сколько клиентов может вести менеджер, когда напоминать о забытых клиентах и этапы каждого процесса продаж.
customer-rules = Клиенты
account-capacity = Клиентов на менеджера
account-capacity-hint = Пулы перестают выдавать клиентов тому, у кого уже столько (0 — без ограничения).
stale-after-days = Напоминать ответственному после стольких дней без контакта
level-named = Уровень { $level }
stale-after-days-hint = Проверяется раз в день; 0 — никогда не напоминать.
sales-processes = Процессы продаж
stages = Этапы
default = По умолчанию
new-process = Новый процесс продаж
process-name = Название
process-team = Для сделок команды
process-default = По умолчанию для остальных сделок
order = Порядок
probability = Вероятность выигрыша
stage-asks-for = Запрашивает при переходе
process-hint = Отметьте этапы процесса и пронумеруйте их порядок; «выиграна», «проиграна» и «недействительна» закрывают любой процесс, а у проигранной сделки всегда указана причина.
add-process = Добавить процесс
notice-approval-requested = Требуется ваше согласование («{ $flow }»):
notice-approval-approved = Согласовано:
notice-approval-rejected = Отклонено с комментарием «{ $comment }»:
notice-contract-renewal =
    { $count ->
        [one] { $shown } ваш договор скоро нужно продлевать:
        [few] { $shown } ваших договора скоро нужно продлевать:
       *[other] { $shown } ваших договоров скоро нужно продлевать:
    }
notice-order-unhandled =
    { $count ->
        [one] { $shown } ваш подтверждённый заказ давно не обрабатывался:
        [few] { $shown } ваших подтверждённых заказа давно не обрабатывались:
       *[other] { $shown } ваших подтверждённых заказов давно не обрабатывались:
    }
notice-instalment-overdue =
    { $count ->
        [one] У { $shown } вашего заказа просрочен платёж по графику:
       *[other] У { $shown } ваших заказов просрочены платежи по графику:
    }
notice-quote-expired =
    { $count ->
        [one] Истёк срок действия { $shown } вашего предложения:
       *[other] Истёк срок действия { $shown } ваших предложений:
    }
doc-word-description = Описание
doc-word-quantity = Кол-во
doc-word-unit_price = Цена
doc-word-discount = Скидка
doc-word-tax = Налог
doc-word-total = Итого
doc-word-subtotal = Сумма без скидки
doc-word-valid_until = Действительно до
doc-word-customer = Клиент
doc-word-amount = Сумма
doc-word-period = Срок
doc-word-quote = Коммерческое предложение
doc-word-order = Заказ
doc-word-tax_number = ИНН
doc-word-terms = Условия
doc-word-date = Дата
standard-template = Стандартный шаблон
document-sent-on = Отправлено { $when }: { $to }
approval-pending = на согласовании
approval-approved = согласовано
approval-rejected = отклонено
step-submit = На согласование
step-send = Отметить отправленным
step-accept = Клиент принял
step-reject = Клиент отклонил
step-revise = Новая версия
step-order = Создать заказ
order-made-from = По этому предложению оформлен заказ { $number }
approvals = Согласования
documents = Документы
template = Шаблон
print-preview = Просмотр
download-pdf = Скачать PDF
keep-document = Сохранить копию
no-documents = Сохранённых документов пока нет.
sent-to = Кому (адрес или имя)
mark-sent = Отправлено клиенту
document-sent-tag = Отправлено клиенту
action-submit = Отправлено на согласование
action-send = Отправлено
action-accept = Принято
action-reject = Отклонено клиентом
action-revise = Новая версия
action-approved = Согласовано
action-rejected = Отклонено
action-approval = Согласование
action-document = Документ сохранён
action-document_sent = Документ отправлен
action-convert = Конвертировано
collections = Поступления
submitted-by = Отправил
waited = Ждёт
waited-minutes = { $count ->
    [one] { $shown } минуту
    [few] { $shown } минуты
    [many] { $shown } минут
   *[other] { $shown } минуты
}
waited-hours = { $count ->
    [one] { $shown } час
    [few] { $shown } часа
    [many] { $shown } часов
   *[other] { $shown } часа
}
waited-days = { $count ->
    [one] { $shown } день
    [few] { $shown } дня
    [many] { $shown } дней
   *[other] { $shown } дня
}
no-approvals = Нет ничего на согласовании у вас.
approval-comment = Комментарий (обязателен при отклонении)
approve = Согласовать
reject = Отклонить
due-from = Срок с
due-before = Срок до
group-by = Группировать
collection-rate = Доля поступлений
collected = Получено
due = К оплате
outstanding = Остаток
orders-by-status = Заказы по статусам
sales-by-product = Продажи по товарам
sales-by-category = Продажи по категориям
count = Количество
amount = Сумма
product = Товар
quantity = Кол-во
category = Категория
free-text-lines = Строки без товара
customer = Клиент
lines = Позиции
no-lines = Позиций пока нет.
add-line = Добавить позицию
add-line-hint = Оставьте цену, описание и налог пустыми — они возьмутся из товара.
free-text-line = — произвольный текст —
price-from-product = из товара
payments-summary = Заказы и оплаты
all-customers = Все клиенты
templates-writers-only = Шаблоны документов правят только администраторы и руководители.
document-templates = Шаблоны документов
new-template-for = Новый шаблон: { $object }
prints = Печатает
updated = Изменён
built-in = встроенный
templates-about = Шаблон — это HTML с полями подстановки. Шаблон видит только то, что может читать его автор, кто бы его ни печатал.
new-template = Новый шаблон
builtin-template-copy = Встроенный шаблон Pelagic не меняется: дайте ему имя и сохраните копию.
template-name = Название
template-html = HTML
preview-with = Предпросмотр на записи
preview-needs-record = Для предпросмотра нужна запись: сначала создайте её.
save-copy = Сохранить копию
merge-fields = Поля подстановки
merge-fields-hint = Показаны только поля, которые вы можете читать; шаблон с другими полями не сохранится.
also = Также
delete-template = Удалить шаблон
delete-template-confirm = Сохранённые документы останутся; сам шаблон восстановить нельзя.
approval-flows = Маршруты согласования
approval-flows-about = Какие КП, договоры, заказы и возвраты ждут чьего согласования. Маршруты проверяются по порядку; действует первый, условию которого соответствует запись.
approval-flow = Маршрут
applies-to = Для
condition = Условие
approval-steps = Шаги
inactive = отключён
move-up = Выше
no-approval-flows = Маршрутов нет: всё отправленное на согласование утверждается сразу.
new-approval-flow = Новый маршрут согласования
flow-name = Название
flow-active = Действует
condition-hint = Должны выполняться все (например, «Общая скидка» больше 15). Пусто — согласование нужно всем записям.
condition-as-filter = Или условие на языке фильтров (если заполнено, используется оно)
approval-steps-hint = По порядку. Для каждого шага — кто решает и достаточно ли одного или нужны все.
approver = Согласующий
approver-manager = Руководитель отправителя
approver-role = Все с ролью
approver-user = Конкретный пользователь
user = Пользователь
approval-mode = Решение
approve-any = любой из них
approve-all = все
add-approval-flow = Добавить маршрут
approver-role-named = роль { $role }
every-record = все записи
condition-unreadable = Условие не читается: { $error }
numbering-settings = Нумерация и напоминания
numbering-settings-about = Как нумеруются КП, заказы и договоры; когда необработанный заказ напоминает владельцу.
document-templates-about = Печатные КП, заказы и договоры: HTML с полями подстановки и предпросмотром на реальной записи.
numbering-patterns = Шаблоны номеров
next-number-example = первый в этом году: { $number }
numbering-hint = Текст с {"{"}yyyy{"}"} (год), {"{"}yy{"}"}, {"{"}mm{"}"}, {"{"}dd{"}"} и {"{"}seq:N{"}"} (порядковый номер из N цифр, каждый год начинается с 1), например SO-{"{"}yyyy{"}"}-{"{"}seq:5{"}"}.
order-unhandled-hours = Напомнить о подтверждённом заказе через (часов)
order-unhandled-hours-hint = Если заказ столько времени остаётся подтверждённым, владельцу приходит одно напоминание. 0 — никогда.
approvals-waiting = { $count ->
    [one] { $shown } согласование ждёт вашего решения
    [few] { $shown } согласования ждут вашего решения
   *[other] { $shown } согласований ждут вашего решения
}
menu-customers = Клиенты
menu-sales = Продажи
menu-money = Деньги
menu-work = Работа
menu-catalogue = Каталог
menu-more = Ещё
menu-group = Раздел меню
span-days = { $count ->
    [one] { $shown } день
    [few] { $shown } дня
    [many] { $shown } дней
   *[other] { $shown } дня
}
span-hours = { $count ->
    [one] { $shown } час
    [few] { $shown } часа
    [many] { $shown } часов
   *[other] { $shown } часа
}
span-minutes = { $count ->
    [one] { $shown } минута
    [few] { $shown } минуты
    [many] { $shown } минут
   *[other] { $shown } минуты
}
span-seconds = { $count ->
    [one] { $shown } секунда
    [few] { $shown } секунды
    [many] { $shown } секунд
   *[other] { $shown } секунды
}
pool-durations-hint = Сроки пишутся как 30 минут, 12 часов или 7 дней (или 30m, 12h, 7d); пусто — без срока.
process-standard = Стандартный процесс продаж
condition-example = Пример означает: сумма больше 100 000 или общая скидка больше 15 %.
