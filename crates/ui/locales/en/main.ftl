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
columns = Columns
overview = Overview
no-history = Nothing has changed yet.
when = When
who = Who
what = What
before = Before
after = After
action-create = Created
action-update = Changed
action-transfer = Owner changed
action-delete = Moved to the recycle bin
action-restore = Restored
action-purge = Deleted for good
action-revert = Reverted
action-merge = Merged
action-share = Shared
action-unshare = Sharing ended
bin-empty = The recycle bin is empty.
record = Record
object = Object
deleted-by = Deleted by
deleted-at = Deleted on
actions = Actions
restore = Restore
purge = Delete for good
purge-confirm = This record and everything deleted with it will be gone for good. This cannot be undone.
with-others = { $count ->
    [one] and { $count } more record
   *[other] and { $count } more records
}
bin-keeps = { $count ->
    [one] Deleted records stay here for { $count } day, then go for good.
   *[other] Deleted records stay here for { $count } days, then go for good.
}
admins-only = Only administrators can open this page.
company-settings = Company
company-settings-about = Name, default currency and phone region, how long the recycle bin keeps records.
objects-and-fields = Objects and fields
objects-and-fields-about = Add fields and objects, name them in every language, arrange select options.
users = Users
users-about = Invite people, set their role and team, turn off who has left.
teams = Teams
teams-about = Teams and who leads them; managers see their team's records.
roles-and-permissions = Roles and permissions
roles-and-permissions-about = What each role may do with each object, and which fields it sees.
duplicate-rules = Duplicate rules
duplicate-rules-about = Which fields make two records the same customer.
bin-days = Days the recycle bin keeps records
days-must-be-a-number = The number of days must be a whole number.
api-name = API name
own-fields = Fields
custom = Custom
new-object = New object
create-object = Create object
label = Label
plural-label = Plural label
api-name-hint = Lowercase letters, digits and _; used in links and the API, and cannot change later.
field-name-hint = Leave empty to make one from the label.
open-list = Open the list
fields = Fields
field-type = Type
required = Required
new-field = New field
add-field = Add field
options = Options
options-hint = For selects: one option per line, written as people should read it.
lookup-target = Links to
names = Names in each language
kind-text = Text
kind-textarea = Long text
kind-integer = Whole number
kind-decimal = Number
kind-money = Money
kind-percent = Percent
kind-boolean = Yes/no
kind-date = Date
kind-datetime = Date and time
kind-email = Email
kind-phone = Phone
kind-url = Link
kind-select = Pick one
kind-multiselect = Pick several
kind-lookup = Linked record
kind-user = User
kind-reference = Any record
kind-id = ID
keep = Keep
position = Order
option = Option
add-options = Add options
person-name = Name
role = Role
team = Team
status = Status
active = Active
disabled = Disabled
new-user = New user
add-user = Add user
first-password = First password
may-sign-in = May sign in
disable-hint = Turning this off ends their sessions at once; their records stay.
no-teams = No teams yet.
parent-team = Part of
manager = Manager
new-team = New team
team-name = Team name
add-team = Add team
role-admin = Administrator
role-boss = Boss
role-manager = Sales manager
role-sales = Salesperson
role-service = Customer service
first-password-hint = At least 10 characters; they can change it on their profile.
new-role = New role
add-role = Add role
new-role-hint = A new role starts with no access; give it what it needs next.
admin-reaches-all = Administrators reach every record and field.
field-access = Field access
access = Access
operation-create = Create
operation-read = View
operation-edit = Edit
operation-delete = Delete
operation-export = Export
operation-import = Import
operation-transfer = Transfer
scope-none = None
scope-own = Own
scope-team = Team
scope-team_tree = Team and below
scope-all = All
access-hidden = Hidden
access-masked = Masked
access-read = Read only
access-edit = Edit
duplicate-rules-explained = Records that match on any field below count as the same customer: the first one keeps it, and anyone else who enters it is told who has it.
match-none = Not compared
match-company = Company name (ignores legal form and punctuation)
match-phone = Phone number
match-email = Email address
match-text = Same text
