//! Every reason a refusal gives: its stable code, what kind of refusal it is and its English text
//! (`{name}` where a value goes). Pages say each through `err-<code>` in every language.

use super::Kind;

reasons! {
    QuoteStepNotNow = "quote_step_not_now", Kind::Conflict,
        "a quote that is {status} cannot take the step '{step}' now";
    QuoteNeedsLines = "quote_needs_lines", Kind::Conflict,
        "a quote needs at least one line with an amount before it is submitted";
    OnlyDraftQuoteChanges = "only_draft_quote_changes", Kind::Conflict,
        "only a draft quote can change; revise it to make a new version";
    DraftIsChangedNotRevised = "draft_is_changed_not_revised", Kind::Conflict,
        "a draft quote is changed as it is; revise a quote once it left the draft";
    ReviseOnceDecided = "revise_once_decided", Kind::Conflict,
        "this quote is waiting for approval; revise it once it is decided";
    ReviseTheLatest = "revise_the_latest", Kind::Conflict,
        "a newer version of this quote exists; revise the latest one";
    OrderFromAcceptedQuote = "order_from_accepted_quote", Kind::Conflict,
        "an order is made from a quote the customer accepted";
    OrderFromWonDeal = "order_from_won_deal", Kind::Conflict,
        "an order is made from a won opportunity";
    OrderAlreadyMade = "order_already_made", Kind::Conflict,
        "order {number} was already made from this record";
    WaitingForApproval = "waiting_for_approval", Kind::Conflict,
        "this record is waiting for approval and cannot change until it is approved or rejected";
    OrderClosed = "order_closed", Kind::Conflict, "this order is {status} and cannot change";
    NotACurrency = "not_a_currency", Kind::Field,
        "'{code}' is not a currency code such as CNY, EUR or RUB";
    AmountInDocumentCurrency = "amount_in_document_currency", Kind::Field,
        "the document is in {currency}; give the amount in {currency}";
    NoPriceInCurrency = "no_price_in_currency", Kind::Field,
        "the product has no price in {currency}; enter the unit price";
    LineNeedsWhat = "line_needs_what", Kind::Field,
        "a line names a product or describes what it sells";
    LineNeedsPrice = "line_needs_price", Kind::Field,
        "a line without a product needs its unit price";
    RefundAboveZero = "refund_above_zero", Kind::Field, "a refund is more than zero";
    RefundAtMost = "refund_at_most", Kind::Field,
        "at most {amount} {currency} of this payment is left to refund";
    NoManagerToApprove = "no_manager_to_approve", Kind::Conflict,
        "nobody can approve this: your team has no manager above you; ask an administrator to set one";
    NoRoleToApprove = "no_role_to_approve", Kind::Conflict,
        "nobody but you has the role '{role}' to approve this";
    NamedApproverCannot = "named_approver_cannot", Kind::Conflict,
        "the user named to approve this cannot (inactive, or it is you)";
    RequestAlreadyDecided = "request_already_decided", Kind::Conflict,
        "this request is already {status}";
    StepAlreadyDecided = "step_already_decided", Kind::Conflict, "you already decided this step";
    RequestDecidedMeanwhile = "request_decided_meanwhile", Kind::Conflict,
        "this request was decided meanwhile";
    ChooseRecords = "choose_records", Kind::Invalid, "choose at least one record";
    EmptySearchText = "empty_search_text", Kind::Invalid, "the text to look for is empty";
    WithinPeriod = "within_period", Kind::Invalid, "within takes a period such as \"this_week\"";
    RoleMayNot = "role_may_not", Kind::Forbidden, "your role may not {op} {objects}";
    MayNotGiveTo = "may_not_give_to", Kind::Forbidden, "you may not give {objects} to that user";
    MayNotAssignTo = "may_not_assign_to", Kind::Forbidden,
        "you may not assign {objects} to that user";
    AdministratorsOnly = "administrators_only", Kind::Forbidden, "only administrators may do this";
    LeadAlreadyConverted = "lead_already_converted", Kind::Conflict,
        "this lead is already converted";
    AlreadyApproved = "already_approved", Kind::Conflict, "this record is already approved";
    TransferAtMost = "transfer_at_most", Kind::Invalid,
        "the filter matches more than {max} records; narrow it and transfer in steps";
    MovesAtMost = "moves_at_most", Kind::Invalid,
        "this would move more than {max} records at once; transfer in steps";
    RoleName = "role_name", Kind::Invalid,
        "role names are lowercase letters, digits and single underscores (for example 'key_accounts')";
    RoleLabel = "role_label", Kind::Invalid, "a role needs a label of 1 to {max} characters";
    RoleExists = "role_exists", Kind::Conflict, "a role named '{value}' exists already";
    AdminsReachAll = "admins_reach_all", Kind::Invalid, "administrators always reach every record";
    GiveAnOperation = "give_an_operation", Kind::Invalid,
        "give at least one operation and its scope";
    IdAlwaysReadable = "id_always_readable", Kind::Invalid, "a record's id is always readable";
    SystemFieldNotEditable = "system_field_not_editable", Kind::Invalid,
        "'{field}' is maintained by Pelagic and cannot be made editable";
    TeamExists = "team_exists", Kind::Conflict, "a team named '{value}' exists already";
    TeamBelowItself = "team_below_itself", Kind::Invalid,
        "a team cannot be placed below itself or one of its sub-teams";
    NameLength = "name_length", Kind::Invalid, "the name must be 1 to {max} characters";
    NoSuchRole = "no_such_role", Kind::Invalid, "there is no role '{value}'";
    AdminSelf = "admin_self", Kind::Invalid,
        "administrators cannot disable themselves or take away their own role";
    TeamNameLength = "team_name_length", Kind::Invalid,
        "a team needs a name of 1 to {max} characters";
    PasswordTooShort = "password_too_short", Kind::Invalid,
        "the password must have at least {min} characters";
    NoSuchRoleOf = "no_such_role_of", Kind::Invalid,
        "there is no role '{value}'; roles are {roles}";
    EmailTaken = "email_taken", Kind::Conflict, "a user with the email {value} already exists";
    EmailInvalid = "email_invalid", Kind::Invalid, "'{value}' is not an email address";
    GroupExists = "group_exists", Kind::Conflict, "a group with this name already exists";
    FieldExists = "field_exists", Kind::Conflict, "{object} already has a field '{field}'";
    ObjectExists = "object_exists", Kind::Conflict, "an object '{value}' already exists";
    HasLines = "has_lines", Kind::Conflict, "'{value}' already has lines";
    NoTeamToShare = "no_team_to_share", Kind::Invalid, "you are in no team to share a view with";
    MayNotChangeField = "may_not_change_field", Kind::Forbidden,
        "you may not change {object}'s '{field}'";
    BulkAtMost = "bulk_at_most", Kind::Invalid, "a bulk change takes at most {max} records";
    BulkMatchesMore = "bulk_matches_more", Kind::Invalid,
        "more than {max} records match; narrow the filter";
    TwinsInBatch = "twins_in_batch", Kind::Conflict, "two of these records have the same {field}";
    SameMomentTryAgain = "same_moment_try_again", Kind::Conflict,
        "someone entered the same customer at the same moment; try again";
    TemplateWriters = "template_writers", Kind::Forbidden,
        "administrators and managers write document templates";
    OwnTemplatesCopy = "own_templates_copy", Kind::Conflict,
        "Pelagic's own templates cannot change; save a copy under another name";
    TemplateNameLength = "template_name_length", Kind::Invalid, "name: 1 to {max} characters";
    OwnTemplatesStay = "own_templates_stay", Kind::Conflict, "Pelagic's own templates stay";
    NotAMergeField = "not_a_merge_field", Kind::Invalid,
        "the template names '{value}', which is not one of its merge fields ({fields})";
    MergeFieldMissing = "merge_field_missing", Kind::Invalid,
        "the template names {head}.{field}, and {source} has no field '{field}'";
    MergeFieldHidden = "merge_field_hidden", Kind::Forbidden,
        "the template reads {head}.{field}, which you may not read";
    TemplatePrintsOther = "template_prints_other", Kind::Invalid,
        "the template '{value}' prints {printed}, not {object}";
    DocumentAlreadySent = "document_already_sent", Kind::Conflict, "this document was already sent";
    DocumentBeforeNoting = "document_before_noting", Kind::Forbidden,
        "this document was kept before Pelagic noted the fields it holds; only the person who made it and administrators may open it — print it again";
    DocumentHoldsHidden = "document_holds_hidden", Kind::Forbidden,
        "this document holds {fields}, which you may not read; print it again to see it with what you may read";
    EscapingOff = "escaping_off", Kind::Invalid,
        "the template uses '{value}'; merged values are always escaped, so a template may not turn escaping off";
    TemplateDoesNotRead = "template_does_not_read", Kind::Invalid,
        "the template does not read: {cause}";
    TemplateCouldNotRender = "template_could_not_render", Kind::Invalid,
        "the template could not be rendered: {cause}";
    PoolAdminsHandOut = "pool_admins_hand_out", Kind::Forbidden,
        "only the pool's administrators hand out its records";
    PoolNoMembers = "pool_no_members", Kind::Invalid, "the pool has no members to hand records to";
    PoolNoMatchField = "pool_no_match_field", Kind::Invalid,
        "say which field the pool matches members by before pushing by match";
    AlreadyInPool = "already_in_pool", Kind::Conflict, "that record is already in a pool";
    PoolExists = "pool_exists", Kind::Conflict,
        "there is already a pool of {objects} named '{value}'";
    FieldKept = "field_kept", Kind::Forbidden, "'{field}' is kept by Pelagic and cannot be changed";
    OptionsStillUsed = "options_still_used", Kind::Conflict,
        "{count} records (live or in the recycle bin) still use {options}; change them first";
    ProcessExists = "process_exists", Kind::Conflict, "there is already a process named '{value}'";
    FlowsAtMost = "flows_at_most", Kind::Invalid, "at most {max} flows";
    TokenNameLength = "token_name_length", Kind::Invalid,
        "a token needs a name of 1 to {max} characters";
    MergeIntoItself = "merge_into_itself", Kind::Invalid, "a record cannot be merged into itself";
    RevertNothing = "revert_nothing", Kind::Invalid,
        "a '{action}' entry changes no field and cannot be reverted";
    FieldGone = "field_gone", Kind::Invalid, "the field '{field}' no longer exists";
    DeleteAtMost = "delete_at_most", Kind::Invalid,
        "this would delete more than {max} records at once; delete some of its related records first";
    ExportAtMost = "export_at_most", Kind::Invalid,
        "an export holds at most {max} records; narrow the filter";
    FromBeforeTo = "from_before_to", Kind::Invalid, "'from' must come before 'to'";
    PeriodsAtMost = "periods_at_most", Kind::Invalid,
        "a report covers at most {max} periods; choose a longer period or a shorter span";
    FigureNeedsField = "figure_needs_field", Kind::Forbidden,
        "{figure} needs the field '{field}', which you may not read";
    OrderStatsNeedTotals = "order_stats_need_totals", Kind::Forbidden,
        "order statistics need the orders' totals";
    CollectionsNeedField = "collections_need_field", Kind::Forbidden,
        "collection figures need the instalments' field '{field}', which you may not read";
    PeriodYears = "period_years", Kind::Invalid,
        "{name}: the year must be between {low} and {high}";
    OwnerNotActive = "owner_not_active", Kind::Invalid, "owner_id '{value}' is not an active user";
    Required = "required", Kind::Field, "is required";
    NoSuchField = "no_such_field", Kind::Field, "{object} has no field '{field}'";
    MaintainedByPelagic = "maintained_by_pelagic", Kind::Field,
        "is maintained by Pelagic and cannot be written";
    ExpectedText = "expected_text", Kind::Field, "expected text";
    NulInText = "nul_in_text", Kind::Field, "text may not contain NUL characters";
    TooLong = "too_long", Kind::Field, "is longer than {max} characters";
    NotAWholeNumber = "not_a_whole_number", Kind::Field, "'{value}' is not a whole number";
    NotANumber = "not_a_number", Kind::Field, "'{value}' is not a number; write it like 1250.50";
    TooManyDecimals = "too_many_decimals", Kind::Field,
        "at most {scale} digits after the decimal point";
    NumberTooLarge = "number_too_large", Kind::Field, "the number is too large";
    NotTrueOrFalse = "not_true_or_false", Kind::Field, "expected true or false";
    ExpectedOptions = "expected_options", Kind::Field, "expected a list of options";
    NotAnOption = "not_an_option", Kind::Field, "'{value}' is not one of: {options}";
    NotACurrencyOf = "not_a_currency_of", Kind::Field,
        "{field}_currency must be a currency code such as \"CNY\", not {value}";
    NotARecordId = "not_a_record_id", Kind::Field, "'{value}' is not a record id";
    NotAReference = "not_a_reference", Kind::Field,
        "a reference names an object and the id of one of its records";
    NotADate = "not_a_date", Kind::Field, "'{value}' is not a date; write YYYY-MM-DD";
    NotADateTime = "not_a_date_time", Kind::Field,
        "'{value}' is not a date and time; write RFC 3339, e.g. 2026-11-23T09:30:00Z";
    YearOutOfRange = "year_out_of_range", Kind::Field, "the year must be between {low} and {high}";
    NotAnEmail = "not_an_email", Kind::Field, "'{value}' is not an email address";
    NotAWebAddress = "not_a_web_address", Kind::Field, "'{value}' is not a web address";
    WebAddressScheme = "web_address_scheme", Kind::Field,
        "a web address starts with http:// or https://";
    PhoneNoDigits = "phone_no_digits", Kind::Field,
        "'{value}' has no digits; write a phone number like +86 138 0013 8000";
    NotAPhone = "not_a_phone", Kind::Field,
        "'{value}' is not a phone number we can read; include the country code, e.g. +34 612 345 678";
    EmptyPhone = "empty_phone", Kind::Field, "empty phone number";
    NotAValidPhone = "not_a_valid_phone", Kind::Field, "'{value}' is not a valid phone number";
    NegativePrice = "negative_price", Kind::Field,
        "the unit price cannot be negative; give a discount instead";
    NotNegative = "not_negative", Kind::Field, "cannot be negative";
    TextLength = "text_length", Kind::Field, "{min} to {max} characters";
    AtMostChars = "at_most_chars", Kind::Field, "at most {max} characters";
    OneOf = "one_of", Kind::Field, "one of {values}";
    NoSuchObject = "no_such_object", Kind::Field, "there is no object '{object}'";
    LinesOfCustomOnly = "lines_of_custom_only", Kind::Field, "only a custom object is given lines";
    NoSuchUser = "no_such_user", Kind::Field, "there is no user '{value}'";
    NoSuchTeam = "no_such_team", Kind::Field, "there is no team '{value}'";
    NoSuchRecord = "no_such_record", Kind::Field, "there is no {object} with id '{id}'";
    RecordMissing = "record_missing", Kind::Field, "the record it names does not exist";
    ListedTwice = "listed_twice", Kind::Field, "'{value}' is there twice";
    NotAnOptionOf = "not_an_option_of", Kind::Field, "'{value}' is not an option of {field}";
    NotAFieldHere = "not_a_field_here", Kind::Field, "'{field}' is not a field of this object";
    NotACountry = "not_a_country", Kind::Field,
        "'{value}' is not a country code such as CN, ES or RU";
    NotATimeZone = "not_a_time_zone", Kind::Field,
        "'{value}' is not a time zone such as Asia/Shanghai";
    NotALanguage = "not_a_language", Kind::Field, "'{value}' is not one of {languages}";
    DaysRange = "days_range", Kind::Field, "between {low} and {high} days";
    DaysOrNever = "days_or_never", Kind::Field, "between 0 (never remind) and {high} days";
    HoursOrNever = "hours_or_never", Kind::Field, "between 0 (never remind) and {high} hours";
    AccountCapacity = "account_capacity", Kind::Field, "between 0 (no cap) and 10,000,000 accounts";
    PoolLimit = "pool_limit", Kind::Field, "a limit is between 0 (none) and 1,000,000";
    NotADuration = "not_a_duration", Kind::Field,
        "'{value}' is not a length of time such as 30m, 12h or 7d";
    NotHideable = "not_hideable", Kind::Field,
        "'{value}' is not a field that can be hidden in a pool";
    PoolObjects = "pool_objects", Kind::Field, "a pool holds leads or accounts";
    PoolKeepsObject = "pool_keeps_object", Kind::Field, "a pool keeps the object it holds";
    NotAnOpenStage = "not_an_open_stage", Kind::Field,
        "'{value}' is not an open stage option of opportunities";
    ProbabilityRange = "probability_range", Kind::Field, "a probability is between 0 and 100";
    ProcessNeedsStage = "process_needs_stage", Kind::Field,
        "a process needs at least one open stage";
    NotCurrentPassword = "not_current_password", Kind::Field, "this is not your current password";
    SayWhyRejected = "say_why_rejected", Kind::Field, "say why it is rejected";
    ViewQueryEncoded = "view_query_encoded", Kind::Field,
        "a list's query string, URL-encoded (no spaces, line breaks or other characters)";
    NotAnActiveUser = "not_an_active_user", Kind::Field, "not an active user";
    NotAGroup = "not_a_group", Kind::Field, "not a group";
    ReadOrEdit = "read_or_edit", Kind::Field, "read or edit";
    InTheFuture = "in_the_future", Kind::Field, "must be in the future";
    DateOrTime = "date_or_time", Kind::Field, "a date (YYYY-MM-DD) or an RFC 3339 time";
    SameCustomerAs = "same_customer_as", Kind::Field, "the same customer as {other}";
    ReadNotEdit = "read_not_edit", Kind::Field,
        "you may read this {object} but not edit it, so nothing can be added under it";
    ConvertLeadFieldsOnly = "convert_lead_fields_only", Kind::Field,
        "only lead fields carry over on conversion";
    ConvertTargetKind = "convert_target_kind", Kind::Field,
        "'{field}' is not a field of the same kind on account, contact or opportunity";
    ConvertedByConverting = "converted_by_converting", Kind::Field,
        "a lead becomes converted by converting it, which creates its account and contact";
    SayWhyInvalid = "say_why_invalid", Kind::Field, "say why the lead is invalid";
    NotAStage = "not_a_stage", Kind::Field, "'{stage}' is not a stage of the process '{process}'";
    AskedOnStage = "asked_on_stage", Kind::Field, "asked for on entering the stage '{stage}'";
    NotInYourPool = "not_in_your_pool", Kind::Field,
        "there is no pool of {object} '{id}' you work in";
    NotAPoolId = "not_a_pool_id", Kind::Field, "must be the id of a pool";
    RecordNotObject = "record_not_object", Kind::Field, "must be a JSON object of field values";
    BadName = "bad_name", Kind::Field,
        "names are lowercase letters, digits and single underscores, start with a letter and have at most {max} characters (for example 'wechat_id')";
    ReservedName = "reserved_name", Kind::Field, "'{value}' is reserved; choose another name";
    IdNotAType = "id_not_a_type", Kind::Field, "'id' is not a field type";
    RangeOnNumbers = "range_on_numbers", Kind::Field, "only number fields have a range";
    MinAboveMax = "min_above_max", Kind::Field, "the smallest value is above the largest";
    SelectNeedsOption = "select_needs_option", Kind::Field,
        "a select field needs at least one option";
    OptionKey = "option_key", Kind::Field,
        "option '{value}' must be a lowercase snake_case value such as 'key_account'";
    OptionsOnSelects = "options_on_selects", Kind::Field,
        "only select and multiselect fields have options";
    LookupNeedsTarget = "lookup_needs_target", Kind::Field, "a lookup field needs a target object";
    FieldTwice = "field_twice", Kind::Field, "field '{field}' is defined twice";
    OpenNamesSelect = "open_names_select", Kind::Field, "names a select field of this object";
    OnlyCustomFields = "only_custom_fields", Kind::Field,
        "only custom fields take this; Pelagic translates its own fields";
    OwnObjectsNamed = "own_objects_named", Kind::Field,
        "Pelagic names its own objects in every language";
    ShippedOptionStays = "shipped_option_stays", Kind::Field,
        "'{value}' comes with Pelagic and stays; add your own next to it";
    NotAFieldType = "not_a_field_type", Kind::Field,
        "'{value}' is not a field type; use one of {types}";
    NotAnAccountLevel = "not_an_account_level", Kind::Field,
        "'{value}' is not an account level ({levels})";
    NotARuleKind = "not_a_rule_kind", Kind::Field,
        "a {kind} field cannot be a duplicate rule; use a text, phone or email field";
    RuleMatchesAs = "rule_matches_as", Kind::Field, "a {kind} field matches as {matches}";
    NotNumbered = "not_numbered", Kind::Field,
        "'{object}' is not numbered; quote, order and contract are";
    PatternLine = "pattern_line", Kind::Field, "at most 60 characters, on one line";
    PatternOneSequence = "pattern_one_sequence", Kind::Field,
        "the pattern holds the sequence (seq:N in braces) exactly once";
    PatternSequenceDigits = "pattern_sequence_digits", Kind::Field,
        "the sequence takes 1 to 12 digits";
    PatternUnclosed = "pattern_unclosed", Kind::Field, "a brace is opened and never closed";
    PatternToken = "pattern_token", Kind::Field,
        "'{value}' is not one of yyyy, yy, mm, dd, seq:N (in braces)";
    StepsCount = "steps_count", Kind::Field, "1 to {max} steps";
    NameARole = "name_a_role", Kind::Field, "name one of the roles";
    NameAUser = "name_an_active_user", Kind::Field, "name an active user";
    ApproverKinds = "approver_kinds", Kind::Field, "the approver is the manager, a role or a user";
    AnyOrAll = "any_or_all", Kind::Field, "one approver or all of them";
    BadCondition = "bad_condition", Kind::Field, "this condition cannot be used: {cause}";
    Between = "between", Kind::Field, "must be between {low} and {high}";
    AtLeast = "at_least", Kind::Field, "must be at least {low}";
    AtMost = "at_most", Kind::Field, "must be at most {high}";
    UnknownEncoding = "unknown_encoding", Kind::Field,
        "'{value}' is not an encoding Pelagic reads (for example UTF-8, GBK, Big5, Windows-1251)";
    NotText = "not_text", Kind::Field,
        "this file is not text Pelagic can read as rows and columns";
    EmptyFile = "empty_file", Kind::Field, "the file is empty";
    HeaderOnly = "header_only", Kind::Field, "the file has a header and no rows";
    TooManyColumns = "too_many_columns", Kind::Field, "a row has more than {max} columns";
    NotImportable = "not_importable", Kind::Field, "this field cannot be imported";
    NoSuchSheet = "no_such_sheet", Kind::Field, "the workbook has no sheet named '{sheet}'";
}
