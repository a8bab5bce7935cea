# 界面文案。此处的每个键都必须在所有语言中存在（有测试会检查）。

app-name = Pelagic
skip-to-content = 跳到主要内容
menu = 菜单
search-placeholder = 搜索全部内容…
search = 搜索

# 登录与首次使用
sign-in = 登录
sign-in-title = 登录 Pelagic
sign-out = 退出登录
email = 邮箱
password = 密码
sign-in-failed = 邮箱或密码错误。
sign-in-throttled = 登录失败次数过多，请 15 分钟后再试。
setup-title = 欢迎使用 Pelagic
setup-intro = 创建您的公司及首位管理员。以上信息稍后均可在设置中修改。
company-name = 公司名称
default-currency = 默认币种
default-region = 电话号码默认地区
time-zone = 时区
language = 语言
your-name = 您的姓名
password-hint = 至少 10 个字符。
create-company = 创建公司并登录
already-set-up = Pelagic 已完成初始化，请直接登录。

# 导航与首页
home = 首页
settings = 设置
recycle-bin = 回收站
profile = 个人资料
greeting = 您好，{ $name }
my-open-tasks = 我的待办任务
no-open-tasks = 暂无待办事项，干得漂亮！
recent-records = 最近更新
overdue = 已逾期
due-today = 今日到期

# 列表
new-record = 新建{ $object }
records-count = { $count ->
   *[other] 共 { $count } 条记录
}
no-records = 暂无数据。
no-matches = 没有匹配的结果。
next-page = 下一页
first-page = 第一页
sort-by = 按{ $field }排序
filter = 筛选
clear = 清空

# 记录
edit = 编辑
save = 保存
cancel = 取消
delete = 删除
delete-confirm = 确定将此记录移至回收站吗？之后可从回收站恢复。
deleted = 已移至回收站。
saved = 已保存。
created = 已创建。
details = 详细信息
history = 操作记录
not-found = 该记录不存在，或您无权查看。
fix-errors = 部分字段有误，请检查。
yes = 是
no = 否
choose = 请选择…
masked-value = 已部分隐藏
duplicate-of = 疑似重复：该客户已由{ $owner }录入。
open-existing = 查看

# 记录页面
timeline = 时间线
log-follow-up = 记录跟进
no-follow-ups = 暂无跟进记录。

# 个人资料
preferences = 偏好设置
change-password = 修改密码
current-password = 当前密码
new-password = 新密码
password-changed = 密码已修改，其他会话已退出登录。
preferences-saved = 已保存。

# 列表筛选
conditions = 筛选条件
match-all = 满足全部条件
match-any = 满足任一条件
field = 字段
operator = 运算符
value = 值
apply = 应用
sorting = 排序
ascending = 升序
descending = 降序
filter-refused = 无法使用此筛选：{ $reason }
op-eq = 等于
op-ne = 不等于
op-lt = 小于
op-lte = 小于等于
op-gt = 大于
op-gte = 大于等于
op-in = 属于其一
op-nin = 不属于
op-contains = 包含
op-starts_with = 开头是
op-is_null = 为空
op-is_not_null = 不为空
op-within = 在期间内
period-today = 今天
period-yesterday = 昨天
period-this_week = 本周
period-last_week = 上周
period-this_month = 本月
period-last_month = 上月
period-this_quarter = 本季度
period-this_year = 今年
period-last_n_days_30 = 最近 30 天
period-next_n_days_30 = 未来 30 天

# 视图
views = 视图
all-records = 全部
save-view = 保存视图
view-name = 视图名称
share-with-team = 共享给我的团队
shared = 共享
remove = 移除
