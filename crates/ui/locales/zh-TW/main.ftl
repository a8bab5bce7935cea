# 介面文字。此處的每個鍵都必須存在於所有語言中（有測試會檢查）。

app-name = Pelagic
skip-to-content = 跳至主要內容
menu = 選單
search-placeholder = 搜尋全部內容…
search = 搜尋

# 登入與首次使用
sign-in = 登入
sign-in-title = 登入 Pelagic
sign-out = 登出
email = 電子郵件
password = 密碼
sign-in-failed = 電子郵件或密碼錯誤。
sign-in-throttled = 登入失敗次數過多，請於 15 分鐘後再試。
setup-title = 歡迎使用 Pelagic
setup-intro = 建立您的公司及第一位管理員。這些資料之後都可以在設定中修改。
company-name = 公司名稱
default-currency = 預設幣別
default-region = 電話號碼預設地區
time-zone = 時區
language = 語言
your-name = 您的姓名
password-hint = 至少 10 個字元。
create-company = 建立公司並登入
already-set-up = Pelagic 已完成設定，請直接登入。

# 導覽與首頁
home = 首頁
settings = 設定
recycle-bin = 資源回收筒
profile = 個人檔案
greeting = 您好，{ $name }
my-open-tasks = 我的待辦任務
no-open-tasks = 目前沒有待辦事項，做得好！
recent-records = 最近更新
overdue = 已逾期
due-today = 今天到期

# 清單
new-record = 新增{ $object }
records-count = { $count ->
   *[other] 共 { $count } 筆紀錄
}
no-records = 目前尚無資料。
no-matches = 沒有符合的結果。
next-page = 下一頁
first-page = 第一頁
sort-by = 依{ $field }排序
filter = 篩選
clear = 清除

# 紀錄
edit = 編輯
save = 儲存
cancel = 取消
delete = 刪除
delete-confirm = 確定要將這筆紀錄移至資源回收筒嗎？之後仍可從資源回收筒還原。
deleted = 已移至資源回收筒。
saved = 已儲存。
created = 已建立。
details = 詳細資料
history = 歷程紀錄
not-found = 找不到這筆紀錄，或您沒有檢視權限。
fix-errors = 部分欄位有誤，請檢查。
yes = 是
no = 否
choose = 請選擇…
masked-value = 已部分隱藏
duplicate-of = 疑似重複：此客戶已由{ $owner }建立。
open-existing = 查看

# 記錄頁面
timeline = 時間軸
log-follow-up = 記錄跟進
no-follow-ups = 尚無跟進記錄。

# 個人資料
preferences = 偏好設定
change-password = 變更密碼
current-password = 目前密碼
new-password = 新密碼
password-changed = 密碼已變更，其他工作階段已登出。
preferences-saved = 已儲存。

# 清單篩選
conditions = 篩選條件
match-all = 符合全部條件
match-any = 符合任一條件
field = 欄位
operator = 運算子
value = 值
apply = 套用
sorting = 排序
ascending = 遞增
descending = 遞減
filter-refused = 無法使用此篩選：{ $reason }
op-eq = 等於
op-ne = 不等於
op-lt = 小於
op-lte = 小於等於
op-gt = 大於
op-gte = 大於等於
op-in = 屬於其一
op-nin = 不屬於
op-contains = 包含
op-starts_with = 開頭為
op-is_null = 為空
op-is_not_null = 不為空
op-within = 在期間內
period-today = 今天
period-yesterday = 昨天
period-this_week = 本週
period-last_week = 上週
period-this_month = 本月
period-last_month = 上個月
period-this_quarter = 本季
period-this_year = 今年
period-last_n_days_30 = 最近 30 天
period-next_n_days_30 = 未來 30 天

# 檢視
views = 檢視
all-records = 全部
save-view = 儲存檢視
view-name = 檢視名稱
share-with-team = 分享給我的團隊
shared = 共用
remove = 移除
