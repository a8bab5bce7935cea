# Interface strings. Every key here must exist in every language (a test checks it).

app-name = Pelagic
skip-to-content = Skip to content
menu = Menu
search-placeholder = Search everything…
search = Search

# Sign-in and first run
sign-in = Sign in
sign-in-title = Sign in to Pelagic
sign-out = Sign out
email = Email
password = Password
sign-in-failed = The email or password is wrong.
sign-in-throttled = Too many failed attempts. Try again in 15 minutes.
setup-title = Welcome to Pelagic
setup-intro = Create your company and its first administrator. You can change all of this later in the settings.
company-name = Company name
default-currency = Default currency
default-region = Default phone region
time-zone = Time zone
language = Language
your-name = Your name
password-hint = At least 10 characters.
create-company = Create company and sign in
already-set-up = Pelagic is already set up; sign in instead.

# Navigation and home
home = Home
settings = Settings
recycle-bin = Recycle bin
profile = Profile
greeting = Hello, { $name }
my-open-tasks = My open tasks
no-open-tasks = Nothing due. Well done.
recent-records = Recently updated
overdue = Overdue
due-today = Due today

# Lists
new-record = New { $object }
records-count = { $count ->
    [one] { $count } record
   *[other] { $count } records
}
no-records = Nothing here yet.
no-matches = Nothing matches.
next-page = Next page
first-page = First page
sort-by = Sort by { $field }
filter = Filter
clear = Clear

# Records
edit = Edit
save = Save
cancel = Cancel
delete = Delete
delete-confirm = Move this record to the recycle bin? You can restore it from there.
deleted = Moved to the recycle bin.
saved = Saved.
created = Created.
details = Details
history = History
not-found = There is no such record, or you may not see it.
fix-errors = Some fields need attention.
yes = Yes
no = No
choose = Choose…
masked-value = Hidden in part
duplicate-of = This looks like a customer already entered by { $owner }.
open-existing = Open it

# Record page
timeline = Timeline
log-follow-up = Log follow-up
no-follow-ups = No follow-ups yet.

# Profile
preferences = Preferences
change-password = Change password
current-password = Current password
new-password = New password
password-changed = Your password was changed. Other sessions were signed out.
preferences-saved = Saved.

# The list's condition builder
conditions = Conditions
match-all = All conditions
match-any = Any condition
field = Field
operator = Operator
value = Value
apply = Apply
sorting = Sort
ascending = Ascending
descending = Descending
filter-refused = This filter cannot be used: { $reason }
op-eq = is
op-ne = is not
op-lt = less than
op-lte = at most
op-gt = greater than
op-gte = at least
op-in = is one of
op-nin = is none of
op-contains = contains
op-starts_with = starts with
op-is_null = is empty
op-is_not_null = is not empty
op-within = within
period-today = today
period-yesterday = yesterday
period-this_week = this week
period-last_week = last week
period-this_month = this month
period-last_month = last month
period-this_quarter = this quarter
period-this_year = this year
period-last_n_days_30 = last 30 days
period-next_n_days_30 = next 30 days

# Saved views
views = Views
all-records = All
save-view = Save view
view-name = View name
share-with-team = Share with my team
shared = Shared
remove = Remove
