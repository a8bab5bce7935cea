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
sign-in-throttled = Слишком много неудачных попыток. Повторите через 15 минут.
setup-title = Добро пожаловать в Pelagic
setup-intro = Создайте свою компанию и её первого администратора. Всё это можно изменить позже в настройках.
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
my-open-tasks = Мои текущие задачи
no-open-tasks = Открытых задач нет. Отличная работа!
recent-records = Недавно изменённые
overdue = Просрочено
due-today = Срок сегодня

# Списки
new-record = Создать: { $object }
records-count = { $count ->
    [one] { $count } запись
    [few] { $count } записи
    [many] { $count } записей
   *[other] { $count } записи
}
no-records = Здесь пока ничего нет.
no-matches = Ничего не найдено.
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
all-records = Все
save-view = Сохранить представление
view-name = Название представления
share-with-team = Поделиться с командой
shared = Общее
remove = Удалить
