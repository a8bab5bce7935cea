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
sign-in-expired = This sign-in form has expired. Please sign in again.
sign-in-throttled = Too many failed attempts. Try again in 15 minutes.
setup-title = Welcome to Pelagic
setup-intro = Create your company and its first administrator. You can change all of this later in the settings.
company-address = Address (printed on documents)
company-tax-number = Tax number
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
no-open-tasks = Nothing due. Well done.
recent-records = Recently updated
overdue = Overdue
due-today = Due today

# Lists
new-record = New { $object }
records-count = { $count ->
    [one] { $shown } record
   *[other] { $shown } records
}
no-records = Nothing here yet.
no-matches = Nothing matches.
view-all = View all
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
cond-and = and
cond-or = or
cond-not = not
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
open-records = Open
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
    [one] and { $shown } more record
   *[other] and { $shown } more records
}
bin-keeps = { $count ->
    [one] Deleted records stay here for { $shown } day, then go for good.
   *[other] Deleted records stay here for { $shown } days, then go for good.
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
numbered-with = Number records as
numbered-hint = Optional. For example JOB-{"{"}yyyy{"}"}-{"{"}seq:4{"}"}: the year, then a series starting at 0001 each year.
lines-of = Priced lines of
lines-of-none = (not lines)
lines-of-hint = Optional. Its records become the lines of the chosen object, which then shows their totals.
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
api-tokens = API tokens
api-tokens-about = A token lets a script or another program use Pelagic's API as you, with your permissions.
token-copy-now = Copy this token now; it will not be shown again:
token-made = Token made.
token-revoked = Token revoked.
token-name = Token name
token-name-example = e.g. Website form
created-on = Created
last-used = Last used
never = Never
revoke = Revoke
make-token = Make a token
records-more-than = More than { $count } records
count-all = Count all
bulk-actions = Bulk actions
bulk-action = Action
bulk-transfer = Hand to another owner
bulk-update = Set a field
bulk-delete = Delete
bulk-export = Export as CSV
new-owner = New owner
with-related = With their contacts, deals and open tasks
new-value = New value
every-matching = Every record the list matches, not only the ticked ones
apply-bulk = Apply
bulk-hint = Tick rows in the list below first.
bulk-choose-rows = Tick at least one row, or choose every record the list matches.
select = Select
back-to-list = Back to the list
job-queued = Waiting
job-running = Working
job-done = Done
job-failed = Stopped
job-finding = Finding the records…
job-progress = { $done } of { $total } records handled
job-failures = Could not be changed
groups-all = Every group matches
groups-any = Any group matches
group-n = Group { $n }
group = Group
tasks-due = Tasks due today and overdue
follow-up = Follow-up
record-information = Record information
pools = Pools
pool = Pool
all-pools = All pools
pools-about = Leads and customers nobody owns yet. Claim what you will follow up; what is not followed up in time comes back here.
no-pools = You are not a member of any pool.
pool-settings = Set up pools
pool-in-it = Waiting
pool-yours = Yours
pool-rules = Rules
pool-waiting =
    { $count ->
        [one] { $shown } record
       *[other] { $shown } records
    }
pool-held =
    { $count ->
        [one] you hold { $shown }
       *[other] you hold { $shown }
    }
pool-rule-claim-limit =
    { $count ->
        [one] at most { $shown } held per member
       *[other] at most { $shown } held per member
    }
pool-rule-daily-limit =
    { $count ->
        [one] at most { $shown } claim a day
       *[other] at most { $shown } claims a day
    }
pool-rule-follow-up = back without a follow-up within { $within }
pool-rule-close = back if not closed within { $within }
pool-rule-cool-down =
    { $count ->
        [one] the previous owner waits { $shown } day to claim it again
       *[other] the previous owner waits { $shown } days to claim it again
    }
pool-empty = Nothing waits in this pool.
pool-claim = Claim
pool-hand-out = Hand out
pool-give-ticked-to = Give the ticked records to
pool-give = Give
pool-push-in-turn = Hand everything out in turn
pool-push-by-match = Hand out by region or industry
pool-handed-out = Handed out: { $count }.
pool-refused-taken = Someone else claimed this record first, or it is no longer in the pool.
pool-refused-claim-limit = Claim limit reached: a member may hold { $limit } records from “{ $pool }” at once. Release or close one first.
pool-refused-daily-limit = Daily limit reached: a member may take { $limit } records from “{ $pool }” in 24 hours.
pool-refused-capacity = Capacity reached: a salesperson may own { $limit } accounts in all.
pool-refused-cool-down = This record went back to the pool from you recently; you may claim it again after { $until }.
pool-refused-not-member = Only members of this pool may take its records.
notifications = Notifications
no-notifications = No notifications.
unread = New
mark-read = Mark as read
mark-all-read = Mark all as read
notice-pool-due-soon =
    { $count ->
        [one] { $shown } record you hold from “{ $pool }” returns to it at { $due } unless you follow it up:
       *[other] { $shown } records you hold from “{ $pool }” return to it from { $due } unless you follow them up:
    }
notice-pool-returned =
    { $count ->
        [one] { $shown } record went back to “{ $pool }” without a follow-up in time:
       *[other] { $shown } records went back to “{ $pool }” without a follow-up in time:
    }
convert-lead = Convert
pool-waiting-in = Waiting in the pool “{ $pool }”
pool-returns-at = Back to “{ $pool }” at { $due } unless followed up or closed
pool-from = Taken from the pool “{ $pool }”
pool-release = Give back to the pool
currency = Currency
back-to-lead = Back to the lead
convert-title = Convert { $name }
convert-about = The lead becomes a customer: an account, a contact and, if you want, a deal. Its follow-ups stay visible from both sides.
convert-account = Account
convert-new-account = Create a new account
convert-account-name = Account name
convert-link-account = Link to the existing account { $name }
convert-contact = Contact
convert-contact-name = Contact name
convert-deal = Deal
convert-create-deal = Also create a deal
convert-deal-name = Deal name
convert-amount = Amount
convert-close-date = Expected close date
open = Open
pool-settings-about = Lead pools and customer high seas: who works them, limits, deadlines and hidden fields.
pools-settings-about = A record with a pool and no owner waits in it. Members claim records; administrators hand them out. A held record that gets no follow-up in time goes back.
no-pools-yet = No pools yet.
new-pool = New pool
add-pool = Add pool
pool-name = Name
pool-holds = Holds
pool-admins = Administrators (hand records out)
pool-members = Members (claim records)
pool-teams = Member teams (with their sub-teams)
pool-claim-limit = Held at once per member (0: no limit)
pool-daily-limit = Claims per member per day (0: no limit)
pool-cool-down-days = Days before the previous owner may claim again
pool-follow-up-within = Back without a follow-up within
pool-close-within = Back if not converted or won within
pool-warn-before = Warn the owner this long before
pool-hidden-fields = Hidden while in the pool ({ $object })
pool-match-field = Hand out by this field ({ $object })
pool-match-values = Values each member takes when handing out by field
not-a-number = “{ $value }” is not a whole number.
returning-soon = Going back to their pools unless followed up
soon = within a day
pipeline = Pipeline
funnel = Stage conversion
sales-process = Sales process
show = Show
board-hint = Drag a card to another stage, or use its Move menu.
move = Move
move-to = Move to stage
move-into = Move to “{ $stage }”
move-asks = This stage asks for:
move-nothing-asked = This stage asks for nothing more.
owner = Owner
everyone = Everyone
every-team = Every team
created-from = Created from
created-before = Created before
deals = deals
won = won
lost = lost
win-rate = win rate
stage-conversion = Stage by stage
stage = Stage
reached = Reached
went-on = Went on
lost-here = Lost here
avg-days = Average days
forecast = Forecast
no-open-deals = No open deals.
close-month = Expected close
pipeline-amount = Amount
weighted = Weighted
deal-count = Deals
put-into-pool = Put into a pool
calendar-feed = Calendar feed
calendar-feed-about = A private address your calendar application (Google Calendar, Outlook, Apple Calendar) subscribes to: your open tasks with a due time and the follow-ups you planned appear there. Anyone with the address sees them, so keep it to yourself; making a new one stops the old.
calendar-feed-copy-now = Copy this address into your calendar application now; it is not shown again:
calendar-feed-since = Your calendar feed has been live since { $when }.
calendar-feed-make = Make a calendar address
calendar-feed-remake = Make a new address (the old one stops working)
calendar-feed-stop = Stop the feed
calendar-feed-made = Your calendar address is ready.
calendar-feed-stopped = The calendar feed is stopped; calendars subscribed to it no longer update.
notice-task-due = A task of yours is due at { $due }:
notice-stale-customers =
    { $count ->
        [one] { $shown } level { $level } customer of yours has had no follow-up for { $days } days:
       *[other] { $shown } level { $level } customers of yours have had no follow-up for { $days } days:
    }
team-activity = Team activity
period = Period
by-day = By day
by-week = By week
by-month = By month
from-day = From
before-day = Up to (not including)
follow-ups = Follow-ups
customers-contacted = Customers contacted
new-customers = New customers
leads-converted = Leads converted
deals-created = Deals created
deals-won = Deals won
amount-won = Amount won
by-salesperson = By salesperson
by-period = By period
salesperson = Salesperson
team-total = Team total
period-starting = Period starting
no-activity = Nothing was logged in this span.
sales-settings = Sales rules and processes
sales-settings-about = How many accounts a salesperson may own, when forgotten customers are pointed out, and the stages of each sales process.
customer-rules = Customers
account-capacity = Accounts per salesperson
account-capacity-hint = Pools stop giving accounts to someone who owns this many (0: no cap).
stale-after-days = Remind the owner after this many days without a follow-up
level-named = Level { $level }
stale-after-days-hint = Checked once a day; 0 never reminds.
sales-processes = Sales processes
stages = Stages
default = Default
new-process = New sales process
process-name = Name
process-team = Followed by the deals of team
process-default = The default for every other deal
order = Order
probability = Win probability
stage-asks-for = Asks for on entering
process-hint = Tick the stages the process goes through and number their order; won, lost and invalid close every process, and a lost deal always says why.
add-process = Add process
notice-approval-requested = Your approval is asked for (“{ $flow }”):
notice-approval-approved = Approved:
notice-approval-rejected = Rejected, with the comment “{ $comment }”:
notice-contract-renewal =
    { $count ->
        [one] { $shown } contract of yours comes up for renewal:
       *[other] { $shown } contracts of yours come up for renewal:
    }
notice-order-unhandled =
    { $count ->
        [one] { $shown } confirmed order of yours has not moved on in time:
       *[other] { $shown } confirmed orders of yours have not moved on in time:
    }
notice-instalment-overdue =
    { $count ->
        [one] { $shown } order of yours has an overdue instalment:
       *[other] { $shown } orders of yours have overdue instalments:
    }
notice-quote-expired =
    { $count ->
        [one] { $shown } quote of yours expired, past its validity:
       *[other] { $shown } quotes of yours expired, past their validity:
    }
doc-word-description = Description
doc-word-quantity = Quantity
doc-word-unit_price = Unit price
doc-word-discount = Discount
doc-word-tax = Tax
doc-word-total = Total
doc-word-subtotal = Subtotal
doc-word-valid_until = Valid until
doc-word-customer = Customer
doc-word-amount = Amount
doc-word-period = Period
doc-word-quote = Quote
doc-word-order = Order
doc-word-tax_number = Tax number
doc-word-terms = Terms
doc-word-date = Date
standard-template = Standard template
document-sent-on = Sent { $when } to { $to }
approval-pending = waiting for approval
approval-approved = approved
approval-rejected = rejected
step-submit = Submit for approval
step-send = Mark as sent
step-accept = Customer accepted
step-reject = Customer rejected
step-revise = Revise (new version)
step-order = Create order
order-made-from = Order { $number } was made from this quote
approvals = Approvals
documents = Documents
template = Template
print-preview = Preview
download-pdf = Download PDF
keep-document = Keep a copy
no-documents = No documents kept yet.
sent-to = Sent to (address or name)
mark-sent = Sent to the customer
document-sent-tag = Sent to the customer
action-submit = Submitted
action-send = Sent
action-accept = Accepted
action-reject = Rejected by the customer
action-revise = Revised
action-approved = Approved
action-rejected = Rejected
action-approval = Approval
action-document = Document kept
action-document_sent = Document sent
action-convert = Converted
collections = Collections
submitted-by = Submitted by
waited = Waiting for
waited-minutes = { $count ->
    [one] { $shown } minute
   *[other] { $shown } minutes
}
waited-hours = { $count ->
    [one] { $shown } hour
   *[other] { $shown } hours
}
waited-days = { $count ->
    [one] { $shown } day
   *[other] { $shown } days
}
no-approvals = Nothing waits for your approval.
approval-comment = Comment (required to reject)
approve = Approve
reject = Reject
due-from = Due from
due-before = Due before
group-by = Group by
collection-rate = Collection rate
collected = Collected
due = Due
outstanding = Outstanding
orders-by-status = Orders by status
sales-by-product = Sales by product
sales-by-category = Sales by category
count = Count
amount = Amount
product = Product
quantity = Quantity
category = Category
free-text-lines = Lines without a product
customer = Customer
lines = Lines
no-lines = No lines yet.
add-line = Add line
add-line-hint = Leave price, description and tax empty to take them from the product.
free-text-line = — free text —
price-from-product = from the product
payments-summary = Orders and payments
all-customers = All customers
templates-writers-only = Only administrators and managers write document templates.
document-templates = Document templates
new-template-for = New template: { $object }
prints = Prints
updated = Updated
built-in = built in
templates-about = Templates are HTML with merge fields. A template reads only what its author may read, whoever prints it.
new-template = New template
builtin-template-copy = Pelagic's own template cannot change: give it a name and save a copy to make it yours.
template-name = Name
template-html = HTML
preview-with = Preview with
preview-needs-record = A preview needs a record to print: create one first.
save-copy = Save a copy
merge-fields = Merge fields
merge-fields-hint = Only the fields you may read are listed; a template naming another is refused.
also = Also
delete-template = Delete template
delete-template-confirm = Documents already kept stay as they are; the template itself cannot be restored.
approval-flows = Approval flows
approval-flows-about = Which quotes, contracts, orders and refunds wait for whose approval. Flows are tried in order; the first whose condition a record meets decides.
approval-flow = Flow
applies-to = Applies to
condition = Condition
approval-steps = Steps
inactive = inactive
move-up = Move up
no-approval-flows = No approval flows: every submitted record is approved at once.
new-approval-flow = New approval flow
flow-name = Name
flow-active = Active
condition-hint = All of these must hold (for example Overall discount greater than 15). Leave empty: every record of the object needs approval.
condition-as-filter = Or the condition in the filter language (used when filled in)
approval-steps-hint = In order. Each step: who decides, and whether one of them is enough or all must approve.
approver = Approver
approver-manager = The submitter's manager
approver-role = Everyone with a role
approver-user = A named user
user = User
approval-mode = Decides
approve-any = any one of them
approve-all = all of them
add-approval-flow = Add flow
approver-role-named = role { $role }
every-record = every record
condition-unreadable = The condition does not read: { $error }
numbering-settings = Numbering and reminders
numbering-settings-about = How quotes, orders and contracts are numbered; when an unhandled order reminds its owner.
document-templates-about = Printable quotes, orders and contracts: HTML with merge fields, previewed on a real record.
numbering-patterns = Numbering patterns
next-number-example = first this year: { $number }
numbering-hint = Text with {"{"}yyyy{"}"} (year), {"{"}yy{"}"}, {"{"}mm{"}"}, {"{"}dd{"}"} and {"{"}seq:N{"}"} (a sequence of N digits that starts again at 1 every year), for example SO-{"{"}yyyy{"}"}-{"{"}seq:5{"}"}.
order-unhandled-hours = Remind about a confirmed order after (hours)
order-unhandled-hours-hint = When an order stays confirmed this long, its owner is reminded once. 0: never.
approvals-waiting = { $count ->
    [one] { $shown } approval waits for your decision
   *[other] { $shown } approvals wait for your decision
}
menu-customers = Customers
menu-sales = Sales
menu-money = Money
menu-work = Work
menu-catalogue = Catalogue
menu-more = More
menu-group = Menu group
span-days = { $count ->
    [one] { $shown } day
   *[other] { $shown } days
}
span-hours = { $count ->
    [one] { $shown } hour
   *[other] { $shown } hours
}
span-minutes = { $count ->
    [one] { $shown } minute
   *[other] { $shown } minutes
}
span-seconds = { $count ->
    [one] { $shown } second
   *[other] { $shown } seconds
}
pool-durations-hint = Write lengths of time like 30 minutes, 12 hours or 7 days (or 30m, 12h, 7d); leave empty for none.
process-standard = Standard sales process
condition-example = The example reads: total above 100,000, or overall discount above 15 %.
