<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name></name>
    <message>
        <location filename="../../desktop_app/ui/app.py" line="+53"/>
        <source>正在打开数据库，请稍候</source>
        <translation>Opening the database, please wait</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>已锁定，请输入密码解锁</source>
        <translation>Locked: enter your password to unlock</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>行业目录有误：{exc}</source>
        <translation>Error in the industry catalog: {exc}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>无法打开数据库：{problem}（{detail}）</source>
        <translation>Cannot open the database: {problem} ({detail})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>yiye：{error}</source>
        <translation>yiye: {error}</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>一业一证</source>
        <translation>One Industry, One Licence</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>yiye：{exc}</source>
        <translation>yiye: {exc}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>无法启动</source>
        <translation>Cannot start</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bar_chart.py" line="+34"/>
        <location filename="../../desktop_app/ui/catalog_pending_page.py" line="+51"/>
        <location filename="../../desktop_app/ui/certificates_tab.py" line="+53"/>
        <location filename="../../desktop_app/ui/decision_dialogs.py" line="+139"/>
        <location filename="../../desktop_app/ui/intake/after_issue.py" line="+226"/>
        <location filename="../../desktop_app/ui/intake/materials_page.py" line="+373"/>
        <location filename="../../desktop_app/ui/intake/returning_dialog.py" line="+51"/>
        <location filename="../../desktop_app/ui/online_tab.py" line="+95"/>
        <location filename="../../desktop_app/ui/roster_panel.py" line="+77"/>
        <location filename="../../desktop_app/ui/supervision_tab.py" line="+156"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/cases_tab.py" line="+102"/>
        <source>受理编号、主体名称或统一社会信用代码</source>
        <translation>Receipt number, enterprise name or unified social credit code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>全部行业</source>
        <translation>All industries</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../desktop_app/ui/review_tab.py" line="+103"/>
        <source>全部类型</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>仅看超期(&amp;O)</source>
        <translation>&amp;Overdue only</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>容缺待补(&amp;L)</source>
        <translation>&amp;Late materials outstanding</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../desktop_app/ui/certificates_tab.py" line="+15"/>
        <location filename="../../desktop_app/ui/commitments_tab.py" line="+54"/>
        <location filename="../../desktop_app/ui/online_tab.py" line="+37"/>
        <location filename="../../desktop_app/ui/review_tab.py" line="-24"/>
        <location filename="../../desktop_app/ui/supervision_tab.py" line="-4"/>
        <source>受理编号</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desktop_app/ui/certificates_tab.py" line="+3"/>
        <location filename="../../desktop_app/ui/commitments_tab.py" line="+1"/>
        <location filename="../../desktop_app/ui/draws_panel.py" line="+136"/>
        <location filename="../../desktop_app/ui/intake/returning_dialog.py" line="-3"/>
        <location filename="../../desktop_app/ui/online_tab.py" line="-8"/>
        <location filename="../../desktop_app/ui/registry_panel.py" line="+75"/>
        <location filename="../../desktop_app/ui/review_tab.py" line="+1"/>
        <location filename="../../desktop_app/ui/supervision_tab.py" line="+1"/>
        <source>主体名称</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../desktop_app/ui/catalog_comparison.py" line="+57"/>
        <location line="+11"/>
        <location filename="../../desktop_app/ui/dashboard_tab.py" line="+143"/>
        <location filename="../../desktop_app/ui/intake/returning_dialog.py" line="+2"/>
        <location filename="../../desktop_app/ui/online_tab.py" line="-1"/>
        <location filename="../../desktop_app/ui/registry_panel.py" line="+1"/>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desktop_app/ui/certificates_tab.py" line="+10"/>
        <location filename="../../desktop_app/ui/commitments_tab.py" line="+8"/>
        <location filename="../../desktop_app/ui/online_tab.py" line="+5"/>
        <location filename="../../desktop_app/ui/review_tab.py" line="+3"/>
        <location filename="../../desktop_app/ui/roster_panel.py" line="-3"/>
        <location filename="../../desktop_app/ui/settings_tab.py" line="+237"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desktop_app/ui/certificates_tab.py" line="-8"/>
        <source>受理日期</source>
        <translation>Accepted on</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>最近期限</source>
        <translation>Next deadline</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>容缺补交期限</source>
        <translation>Deferred material due</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>选择一件办件查看详情</source>
        <translation>Select a case to see its details</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>登记补正材料(&amp;K)</source>
        <translation>Corrections received (&amp;K)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>放弃被否决的可选许可(&amp;D)</source>
        <translation>&amp;Drop the refused optional permit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>打印不予许可决定书(&amp;X)</source>
        <translation>Print the refusal decision (&amp;X)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>撤回申请(&amp;W)</source>
        <translation>&amp;Withdraw the application</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>登记容缺材料(&amp;R)</source>
        <translation>&amp;Record a deferred material</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>终止办理(&amp;E)</source>
        <translation>T&amp;erminate</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>显示完整证件号(&amp;Y)</source>
        <translation>Show full ID number (&amp;Y)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>已登记补正材料</source>
        <translation>Corrections recorded</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已放弃该可选许可</source>
        <translation>The optional permit was dropped</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>办理记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desktop_app/ui/catalog_draft_page.py" line="+156"/>
        <source>容缺材料</source>
        <translation>Deferred materials</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/history_text.py" line="+20"/>
        <source>{local}&#x3000;{what}&#x3000;{change}&#x3000;{actor}{reason}</source>
        <translation>{local}  {what}  {change}  {actor}{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/cases_tab.py" line="+110"/>
        <source>{name}&#x3000;补交期限 {due}&#x3000;尚未补交</source>
        <translation>{name}  due {due}  not yet received</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>（已逾期）</source>
        <translation> (overdue)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name}&#x3000;补交期限 {due}&#x3000;已于 {at} 补交（{how}）</source>
        <translation>{name}  due {due}  received {at} ({how})</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>本办件没有容缺材料</source>
        <translation>This case has no deferred materials</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>&lt;b&gt;{number}&lt;/b&gt;&#x3000;{name}&#x3000;{state}&#x3000;法定代表人 {legal_rep_name}（{legal_rep_id_masked}）</source>
        <translation>&lt;b&gt;{number}&lt;/b&gt;  {name}  {state}  Legal representative {legal_rep_name} ({legal_rep_id_masked})</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>{kind}（证书 {certificate}）&#x3000;</source>
        <translation>{kind} (certificate {certificate})  </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&#x3000;委托代理人 {name}</source>
        <translation>  Agent {name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/history_text.py" line="-5"/>
        <source>办件</source>
        <translation>Case</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>（{reason}）</source>
        <translation> ({reason})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/cases_tab.py" line="+79"/>
        <source>（{0}）</source>
        <translation> ({0})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{state}&#x3000;{0}</source>
        <translation>{state} · {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已放弃</source>
        <translation>Dropped</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>承诺 {0}，剩 {days} 个工作日</source>
        <translation>Promised {0}, {days} working days left</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已超期 {0} 个工作日</source>
        <translation>Overdue by {0} working days</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>容缺材料未补齐，暂不能准予</source>
        <translation>Deferred materials outstanding: cannot be approved yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>许可证号 {permit_no}</source>
        <translation>Permit no. {permit_no}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>现场核查：{status}</source>
        <translation>Site inspection: {status}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>平台退回：{message}</source>
        <translation>Refused by the platform: {message}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>在区域平台审批</source>
        <translation>Decided on the regional platform</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>待发送到区域平台</source>
        <translation>Waiting to be sent to the regional platform</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>承诺核查：通过</source>
        <translation>Commitment check: passed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>承诺核查：{due} 前</source>
        <translation>Commitment check due by {due}</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../desktop_app/ui/certificates_tab.py" line="+105"/>
        <location filename="../../desktop_app/ui/commitments_tab.py" line="+59"/>
        <location filename="../../desktop_app/ui/review_tab.py" line="+114"/>
        <source>未能办理</source>
        <translation>Not possible</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{done}，但未能打印：{exc}</source>
        <translation>{done}, but it could not be printed: {exc}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>已打印不予许可决定书</source>
        <translation>The refusal decision was printed</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>已登记容缺材料</source>
        <translation>Deferred material recorded</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>终止办理的理由（将载入终止办理告知书）：</source>
        <translation>Reason for terminating (printed in the termination notice):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>已终止办理，终止办理告知书已打印</source>
        <translation>Terminated; the termination notice was printed</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>请先在文书列表中选择要打印的文书</source>
        <translation>First select the documents to print in the list</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>已打印 {count} 份文书</source>
        <translation>{count} documents printed</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>已出具并打印送达回执</source>
        <translation>Delivery receipt issued and printed</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>显示完整证件号码</source>
        <translation>Show the full ID number</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>查看完整号码的理由（将记入审计日志）：</source>
        <translation>Reason for showing the full number (recorded in the audit log):</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>法定代表人证件号码：{value}</source>
        <translation>Legal representative&apos;s ID number: {value}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>撤回申请</source>
        <translation>Withdraw the application</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>申请人撤回全部申请的理由：</source>
        <translation>The applicant&apos;s reason for withdrawing the whole application:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>已撤回申请</source>
        <translation>Application withdrawn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/catalog_browser.py" line="+39"/>
        <source>文本</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>整数</source>
        <translation>Integer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>数字</source>
        <translation>Number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>是/否</source>
        <translation>Yes/No</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>选择</source>
        <translation>Choice</translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../desktop_app/ui/catalog_draft_page.py" line="-99"/>
        <location filename="../../desktop_app/ui/intake/flowchart_view.py" line="+84"/>
        <source>即时办结</source>
        <translation>Immediately</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{days} 个工作日</source>
        <translation>{days} working days</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>搜索行业：名称、别名或代码（回车选定）</source>
        <translation>Search industries: name, alias or code (Enter selects)</translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../../desktop_app/ui/expiring_panel.py" line="+52"/>
        <location filename="../../desktop_app/ui/registry_panel.py" line="+10"/>
        <source>许可证</source>
        <translation>Permit</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desktop_app/ui/expiring_panel.py" line="+2"/>
        <location filename="../../desktop_app/ui/intake/after_issue.py" line="-122"/>
        <location filename="../../desktop_app/ui/intake/notice_page.py" line="+78"/>
        <source>审批部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../desktop_app/ui/intake/after_issue.py" line="+0"/>
        <location filename="../../desktop_app/ui/intake/notice_page.py" line="+0"/>
        <source>承诺时限</source>
        <translation>Promised time</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>法定时限</source>
        <translation>Statutory time</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../desktop_app/ui/i18n_terms.py" line="+23"/>
        <location filename="../../desktop_app/ui/intake/notice_page.py" line="+0"/>
        <source>告知承诺</source>
        <translation>Commitment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>可</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desktop_app/ui/intake/field_editor.py" line="+155"/>
        <source>共用信息</source>
        <translation>Shared information</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/cases_tab.py" line="-386"/>
        <location filename="../../desktop_app/ui/catalog_browser.py" line="+1"/>
        <location filename="../../desktop_app/ui/certificates_tab.py" line="-109"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/catalog_browser.py" line="+1"/>
        <source>必填</source>
        <translation>Required</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../desktop_app/ui/draws_panel.py" line="-7"/>
        <location filename="../../desktop_app/ui/intake/field_editor.py" line="-105"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../desktop_app/ui/draws_panel.py" line="+0"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>涉及许可证</source>
        <translation>Permits</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+8"/>
        <location line="+60"/>
        <location line="+52"/>
        <location filename="../../desktop_app/ui/certificates_tab.py" line="-18"/>
        <location filename="../../desktop_app/ui/draws_panel.py" line="+10"/>
        <location filename="../../desktop_app/ui/intake/after_issue.py" line="+132"/>
        <location filename="../../desktop_app/ui/intake/form_page.py" line="+233"/>
        <location line="+1"/>
        <location line="+8"/>
        <location line="+31"/>
        <location filename="../../desktop_app/ui/intake/industry_page.py" line="+83"/>
        <location filename="../../desktop_app/ui/intake/materials_page.py" line="-282"/>
        <location line="+312"/>
        <location line="+11"/>
        <location line="+9"/>
        <location filename="../../desktop_app/ui/review_detail.py" line="+97"/>
        <location filename="../../desktop_app/ui/supervision_tab.py" line="+105"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location line="-114"/>
        <source>材料</source>
        <translation>Material</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原件/复印件</source>
        <translation>Original/copy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>容缺</source>
        <translation>Deferred</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>可后补</source>
        <translation>May follow later</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/catalog_admin_tab.py" line="+49"/>
        <source>版本号</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>生效日期</source>
        <translation>In force from</translation>
    </message>
    <message>
        <location line="-15"/>
        <location line="+16"/>
        <source>随程序发布</source>
        <translation>Shipped with the program</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>本县修订</source>
        <translation>Edited by this county</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>外县导入</source>
        <translation>Imported from another county</translation>
    </message>
    <message>
        <location line="+18"/>
        <location filename="../../desktop_app/ui/catalog_browser.py" line="+2"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>修订说明</source>
        <translation>Revision note</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>导出目录文件(&amp;E)…</source>
        <translation>&amp;Export catalog file…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导入目录文件(&amp;I)…</source>
        <translation>&amp;Import catalog file…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发布到网站(&amp;W)…</source>
        <translation>Publish to &amp;website…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>目录版本（新受理的办件用当日执行的版本；已受理的办件按受理时的版本办理）</source>
        <translation>Catalog versions (new cases use the version in force on their day; accepted cases keep the version they were accepted under)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>导出目录文件</source>
        <translation>Export catalog file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>行业目录{suffix}</source>
        <translation>industry-catalog{suffix}</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+20"/>
        <source>行业目录文件 (*{suffix})</source>
        <translation>Industry catalog files (*{suffix})</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>已导出目录版本 {label}（已签名）到 {path}</source>
        <translation>Exported catalog version {label} (signed) to {path}</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+19"/>
        <source>导入目录文件</source>
        <translation>Import catalog file</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>不能导入：{reason}</source>
        <translation>Cannot import: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{exporter} 于 {day} 导出的目录版本 {label}，签名有效（密钥 {kid}）。以下是与本县执行版本的差异；确认后导入为本县的新版本。</source>
        <translation>Catalog version {label} exported by {exporter} on {day}; the signature is valid (key {kid}). Below are the differences from the version in force here; confirm to import it as a new version of this county.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>已导入为目录版本 {label}，自 {day} 起用于新受理的办件</source>
        <translation>Imported as catalog version {label}; used for new cases from {day}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>发布到文件夹（空文件夹或上次发布的文件夹）</source>
        <translation>Publish to a folder (an empty one or the last publication)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>已发布到 {folder}：{pages} 个网页、{pdfs} 份 PDF（打开 index.html 查看）</source>
        <translation>Published to {folder}: {pages} web pages, {pdfs} PDFs (open index.html)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>；仍有待确认的内容，以 ※ 标注</source>
        <translation>; values still to be confirmed are marked ※</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>版本(&amp;1)</source>
        <translation>Versions (&amp;1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>待确认(&amp;2)</source>
        <translation>To confirm (&amp;2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>修订(&amp;3)</source>
        <translation>Revision (&amp;3)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/catalog_browser.py" line="+1"/>
        <location filename="../../desktop_app/ui/intake/materials_page.py" line="-344"/>
        <location filename="../../desktop_app/ui/intake/notice_page.py" line="+9"/>
        <location filename="../../desktop_app/ui/review_detail.py" line="-71"/>
        <source>窗口核验</source>
        <translation>Checked at the counter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>申请人提交</source>
        <translation>From the applicant</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>行业（&amp;H）：</source>
        <translation>Industry (&amp;H):</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../desktop_app/ui/intake/situation_page.py" line="+19"/>
        <source>申请情形</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>综合表单字段（&amp;F）</source>
        <translation>Combined form fields (&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>合并材料清单（&amp;M）</source>
        <translation>Merged material list (&amp;M)</translation>
    </message>
    <message>
        <location line="+23"/>
        <location filename="../../desktop_app/ui/intake/industry_page.py" line="+0"/>
        <source>别名：</source>
        <translation>Aliases: </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>请先完整回答申请情形。</source>
        <translation>Please answer all situation questions first.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>※ 标注的内容待主管部门确认，以部门最终答复为准。</source>
        <translation>※ marks a value its department has not confirmed yet; the department&apos;s final answer prevails.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>核发&lt;b&gt;行业综合许可证&lt;/b&gt;</source>
        <translation>issues one &lt;b&gt;comprehensive industry licence&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>仅一项许可，单独发证</source>
        <translation>only one permit, issued on its own</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;{industry_name}&lt;/b&gt;：{permits} 项许可（{departments}并联审批），{certificate}；承诺 {promised}（逐项串联合计 {serial}）。&lt;br&gt;表单字段：单独申请合计 {separate_fields} 项 → 综合表单 {combined_fields} 项（{fields_reduction_pct:+.1f}%）；材料：{separate_materials} 份 → {combined_materials} 份（{materials_reduction_pct:+.1f}%），其中 {fetched_materials} 份可由窗口核验（登记核验后免交）。</source>
        <translation>&lt;b&gt;{industry_name}&lt;/b&gt;: {permits} permits ({departments} in parallel), {certificate}; promised {promised} (one after another: {serial}).&lt;br&gt;Form fields: {separate_fields} when applied for separately → {combined_fields} on the combined form ({fields_reduction_pct:+.1f}%); materials: {separate_materials} → {combined_materials} ({materials_reduction_pct:+.1f}%), of which {fetched_materials} may be checked at the counter (not handed in once the check is recorded).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/certificates_tab.py" line="+1"/>
        <source>{permits}已被撤销，请办理变更或注销</source>
        <translation>{permits} revoked: change or cancel the certificate</translation>
    </message>
    <message>
        <location line="+20"/>
        <location filename="../../desktop_app/ui/draws_panel.py" line="-2"/>
        <location filename="../../desktop_app/ui/intake/returning_dialog.py" line="-1"/>
        <location filename="../../desktop_app/ui/online_tab.py" line="-3"/>
        <location filename="../../desktop_app/ui/registry_panel.py" line="-12"/>
        <location line="+11"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+9"/>
        <location filename="../../desktop_app/ui/expiring_panel.py" line="-4"/>
        <location filename="../../desktop_app/ui/registry_panel.py" line="-1"/>
        <source>证书编号</source>
        <translation>Certificate no.</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>{permit}责令整改（至 {due}）</source>
        <translation>{permit}: rectification ordered (by {due})</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>版本</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>第{revision}版</source>
        <translation>Revision {revision}</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../desktop_app/ui/expiring_panel.py" line="+1"/>
        <source>持证主体</source>
        <translation>Holder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发证日期</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../desktop_app/ui/expiring_panel.py" line="-6"/>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+167"/>
        <location filename="../../desktop_app/ui/intake/after_issue.py" line="-6"/>
        <location filename="../../desktop_app/ui/intake/after_issue_panes.py" line="+158"/>
        <location filename="../../desktop_app/ui/review_detail.py" line="+55"/>
        <source>长期</source>
        <translation>Indefinite</translation>
    </message>
    <message>
        <location line="-164"/>
        <source>提示</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>核发行业综合许可证(&amp;I)</source>
        <translation>&amp;Issue the comprehensive licence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>预览(&amp;V)</source>
        <translation>Pre&amp;view</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打印(&amp;P)</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>套打(&amp;O)</source>
        <translation>&amp;Overlay print</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>作废(&amp;X)</source>
        <translation>Void (&amp;X)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>用扫码枪扫描证书二维码，或粘贴二维码文本后回车</source>
        <translation>Scan the certificate&apos;s QR code, or paste its text and press Enter</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../desktop_app/ui/i18n_terms.py" line="-7"/>
        <source>待出证</source>
        <translation>Ready to issue</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已发证书</source>
        <translation>Issued certificates</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>证书核验（离线）</source>
        <translation>Verify a certificate (offline)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>到期提醒</source>
        <translation>Expiry reminders</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>已发送到打印机：{0}</source>
        <translation>Sent to the printer: {0}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>作废证书</source>
        <translation>Void certificate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>作废 {number}（编号不再使用）的理由：</source>
        <translation>Reason for voiding {number} (the number is not reused):</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>已作废 {number}</source>
        <translation>Voided {number}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;b style=&apos;color:{color}&apos;&gt;{0}：{reason}&lt;/b&gt;</source>
        <translation>&lt;b style=&apos;color:{color}&apos;&gt;{0}: {reason}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desktop_app/ui/i18n_terms.py" line="+9"/>
        <source>有效</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>无效</source>
        <translation>Invalid</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{holder_name}（{holder_uscc}）</source>
        <translation>{holder_name} ({holder_uscc})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{holder}证书 {number} 第{revision}版</source>
        <translation>{holder} certificate {number}, revision {revision}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>· {permit} {number}（{department}）至 {0}</source>
        <translation>· {permit} {number} ({department}) until {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/counter.py" line="+184"/>
        <source>草稿已保存在本机；数据库暂不可用，恢复后再保存（{detail}）</source>
        <translation>The draft is saved on this PC; the database is unavailable and it will be saved there once it is back ({detail})</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>（受理后生成）</source>
        <translation>(given on acceptance)</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>申请表</source>
        <translation>Application form</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>未配置区域平台地址，无法取得网上申请的材料文件</source>
        <translation>No regional platform address is set: the online application&apos;s files cannot be fetched</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>已撤销{permit}，撤销行政许可决定书 {document}</source>
        <translation>{permit} revoked, revocation decision {document}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已责令整改{permit}（至 {due}）</source>
        <translation>Rectification of {permit} ordered (by {due})</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>已安排{title}：{at}</source>
        <translation>Scheduled {title}: {at}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>结论已登记；本次核查结果已齐，已出具整改意见书</source>
        <translation>Result recorded; the round is complete and the rectification notice was issued</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>结论已登记</source>
        <translation>Result recorded</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>已登记整改完成，审批时限继续计算；可安排复查</source>
        <translation>Rectification reported done; the time limit runs again; a re-inspection may be scheduled</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>已打印延续提醒告知书 {notice}（证书 {number}）</source>
        <translation>Renewal reminder {notice} printed (certificate {number})</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{exc}（本机不是签发电脑，或尚未生成签发密钥）</source>
        <translation>{exc} (this PC does not issue certificates, or its signing key has not been created)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>注销通知书已打印</source>
        <translation>cancellation notice printed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>注销通知书未能打印：{exc}，可在“办件”中重打</source>
        <translation>cancellation notice not printed: {exc}; reprint it from Cases</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已注销：{number}（{printed}）</source>
        <translation>Cancelled: {number} ({printed})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已补发：{number}（印制号 {print_no}，原印制件作废），请打印</source>
        <translation>Reissued: {number} (print no. {print_no}, earlier sheets void); please print it</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已核发：{number}（第{revision}版）</source>
        <translation>Issued: {number} (revision {revision})</translation>
    </message>
    <message>
        <location line="+32"/>
        <location filename="../../desktop_app/ui/document_printing.py" line="+22"/>
        <source>默认打印机</source>
        <translation>Default printer</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dashboard_tab.py" line="-72"/>
        <source>今日受理/出证</source>
        <translation>Accepted/issued today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本周受理/出证</source>
        <translation>Accepted/issued this week</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本月受理/出证</source>
        <translation>Accepted/issued this month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>在办</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>容缺待补</source>
        <translation>Deferred materials due</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>30天内到期证书</source>
        <translation>Certificates expiring within 30 days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>含已撤销许可的有效证书</source>
        <translation>Valid certificates with a revoked permit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>责令整改中的有效证书</source>
        <translation>Valid certificates under rectification order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>平均办结/法定时限均值（工作日）</source>
        <translation>Average to certificate / mean statutory limit (working days)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>点击查看到期清单</source>
        <translation>Click to see the list</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>按行业办件数</source>
        <translation>Cases by industry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>各部门在办事项（红：超期）</source>
        <translation>Open items by department (red: overdue)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desktop_app/ui/expiring_panel.py" line="+14"/>
        <source>导出 Excel(&amp;E)</source>
        <translation>Export to &amp;Excel</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>改革成效（各行业：单独申请合计 → 综合申请）</source>
        <translation>Reform figures (per industry: separate applications → combined)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>正在统计……</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>单独申请字段</source>
        <translation>Separate form fields</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>综合表单字段</source>
        <translation>Combined form fields</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>单独申请材料</source>
        <translation>Separate materials</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>综合材料</source>
        <translation>Combined materials</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新办件数</source>
        <translation>New cases</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>实际减少字段</source>
        <translation>Fields saved (real cases)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>实际减少材料</source>
        <translation>Materials saved (real cases)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>按新办件中申请人实际填写的字段计，从已有数据、营业执照或身份证带出的不计</source>
        <translation>Fields the applicants of new cases actually typed; those filled from records, the business licence or the ID card are not counted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>按新办件中申请人实际提交的材料计，有记录的窗口核验和沿用已有材料不计</source>
        <translation>Materials the applicants of new cases actually handed over; recorded window checks and reused earlier materials are not counted</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>统计至 {0}；审计日志第 {1} 条（{2}…）</source>
        <translation>Figures as of {0}; audit log entry {1} ({2}…)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>审计日志末条哈希：{0}</source>
        <translation>Hash of the newest audit log entry: {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>统计未能刷新：{message}</source>
        <translation>The dashboard could not refresh: {message}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>导出统计</source>
        <translation>Export the dashboard</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>统计-{0}.xlsx</source>
        <translation>dashboard-{0}.xlsx</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已导出 {name}</source>
        <translation>Exported {name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/decision_dialogs.py" line="-106"/>
        <source>准予变更：{permit_name}</source>
        <translation>Approve change: {permit_name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>准予延续：{permit_name}</source>
        <translation>Approve renewal: {permit_name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>准予注销：{permit_name}</source>
        <translation>Approve cancellation: {permit_name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>准予许可：{permit_name}</source>
        <translation>Approve: {permit_name}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>长期有效（备案类）</source>
        <translation>Indefinitely valid (filing)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>许可证编号(&amp;N)：</source>
        <translation>Permit &amp;number:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>有效期自(&amp;F)：</source>
        <translation>Valid &amp;from:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>有效期至(&amp;T)：</source>
        <translation>Valid un&amp;til:</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../desktop_app/ui/expiring_panel.py" line="-6"/>
        <source>许可证编号</source>
        <translation>Permit number</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>请填写许可证编号</source>
        <translation>Please enter the permit number</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>有效期截止日须晚于起始日</source>
        <translation>The end of validity must be after its start</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>请写明理由</source>
        <translation>Please give a reason</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/fonts.py" line="+30"/>
        <source>无法加载内置中文字体：{CJK_FONT_FILE}</source>
        <translation>Cannot load the bundled Chinese font: {CJK_FONT_FILE}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/i18n_terms.py" line="-17"/>
        <source>待受理</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>审查中</source>
        <translation>In review</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>待补正</source>
        <translation>Awaiting correction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已准予</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desktop_app/ui/review_tab.py" line="+36"/>
        <source>不予许可</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已撤销</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>审批中</source>
        <translation>In review</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>部分不予许可</source>
        <translation>Partly refused</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已出证</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>待预审</source>
        <translation>Awaiting pre-check</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>不符合协议</source>
        <translation>Not per protocol</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>执法检查人员</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>受理通知书</source>
        <translation>Acceptance notice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>一业一证综合申请表</source>
        <translation>Combined application form</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>告知承诺书</source>
        <translation>Commitment letter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>不予许可决定书</source>
        <translation>Refusal decision</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>终止办理告知书</source>
        <translation>Termination notice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>撤销行政许可决定书</source>
        <translation>Revocation decision</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>送达回执</source>
        <translation>Delivery receipt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>行业综合许可证注销通知书</source>
        <translation>Notice of cancellation of the comprehensive industry licence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>延续提醒告知书</source>
        <translation>Renewal reminder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>现场核查通知书</source>
        <translation>Site inspection notice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>现场核查记录表</source>
        <translation>Site inspection record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>现场核查整改意见书</source>
        <translation>Rectification notice (site inspection)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>容缺受理通知书</source>
        <translation>Acceptance notice with deferred materials</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/cases_tab.py" line="+334"/>
        <location filename="../../desktop_app/ui/i18n_terms.py" line="-33"/>
        <source>终止办理</source>
        <translation>Terminated</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/i18n_terms.py" line="+2"/>
        <source>一般程序</source>
        <translation>Normal procedure</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>容缺受理</source>
        <translation>Deferred materials</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已变更</source>
        <translation>Superseded</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已注销</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>窗口受理人员</source>
        <translation>Counter clerk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>部门审批人员</source>
        <translation>Department reviewer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>窗口负责人</source>
        <translation>Counter supervisor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>系统管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>审计人员</source>
        <translation>Auditor</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/field_editor.py" line="+15"/>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>如 2026-03-01</source>
        <translation>e.g. 2026-03-01</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已在申请情形中回答，无需重复填写</source>
        <translation>Already answered in the situation questions</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/flowchart_view.py" line="-2"/>
        <source>承诺{promised_days}个工作日</source>
        <translation>Promised: {promised_days} working days</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{department_name}（{days}）
{0}</source>
        <translation>{department_name} ({days})
{0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/form_page.py" line="-208"/>
        <source>读取法定代表人身份证(&amp;I)</source>
        <translation>Read the legal representative&apos;s ID card(&amp;I)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>一次填报：综合申请表</source>
        <translation>One filing: the combined application form</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>共用信息只填一次；校验结果显示在字段下方。</source>
        <translation>Shared information is entered once; checks are shown below each field.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>默认与“{label}”相同；不同时请改填</source>
        <translation>Same as &quot;{label}&quot; unless you type another value</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>营业执照查询失败：{problem}（可手工填写）</source>
        <translation>Business licence lookup failed: {problem} (the fields can be typed)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>由“{source}”带出，可修改</source>
        <translation>Filled from &quot;{source}&quot;, editable</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>等</source>
        <translation> and more</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已带出 {count} 项（{fields}），来自：{sources}；均可修改</source>
        <translation>{count} fields filled ({fields}) from: {sources}; all editable</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>本机未设置身份证阅读器（设置 → 身份证阅读器）</source>
        <translation>No ID card reader is set up on this PC (Settings, ID card reader)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>未读到身份证：{problem}（可手工填写）</source>
        <translation>No ID card read: {problem} (the fields can be typed)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>已从身份证填入：{fields}（可修改）</source>
        <translation>Filled from the ID card: {fields} (editable)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>身份证已读取，但本表没有可填入的字段</source>
        <translation>The ID card was read, but this form has no field for it</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>已从身份证填入委托代理人的姓名和证件号码（可修改）</source>
        <translation>The agent&apos;s name and ID number were filled from the ID card (editable)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/field_editor.py" line="+83"/>
        <source>{label}{0}：</source>
        <translation>{label}{0}:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>（选填）</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/after_issue_panes.py" line="-77"/>
        <source>只改变动的项目；其余保持证书上的内容。</source>
        <translation>Change only what changes; everything else stays as on the certificate.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>申请人说明的理由（选填）</source>
        <translation>Reason given by the applicant (optional)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>勾选要延续的许可（按到期先后）：</source>
        <translation>Tick the permits to renew (soonest expiry first):</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>勾选要放弃（注销）的许可：</source>
        <translation>Tick the permits to give up (cancel):</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{name}（{department}，有效期至 {until}）</source>
        <translation>{name} ({department}, valid until {until})</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>按增项后的经营情形回答（如兼营药品）：</source>
        <translation>Answer for the business after the addition (e.g. also sells drugs):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>新增许可需要填写的信息：</source>
        <translation>Information the added permits need:</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>遗失(&amp;L)</source>
        <translation>&amp;Lost</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>损毁(&amp;D)</source>
        <translation>&amp;Damaged</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>补证无需部门审批，受理后由窗口补发，原印制件作废。</source>
        <translation>A reissue needs no department: the counter reissues it after acceptance and the old sheets become void.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>注销理由(&amp;R)：</source>
        <translation>&amp;Reason for cancellation:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>如：停业、迁出本县</source>
        <translation>e.g. business closed, moved out of the county</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>请选择补证原因：遗失或损毁</source>
        <translation>Choose why it is reissued: lost or damaged</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/industry_page.py" line="-52"/>
        <source>选择行业</source>
        <translation>Choose the industry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新办：输入名称、别名或拼音首字母（如 bld＝便利店），回车选定。</source>
        <translation>New application: type a name, alias or pinyin initials (e.g. bld = convenience store), Enter to choose.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>行业(&amp;H)：</source>
        <translation>Industry (&amp;H):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>重打</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>补正后继续办理(&amp;K)…</source>
        <translation>Bac&amp;k with corrections…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>持证后办理：</source>
        <translation>On an issued certificate:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/materials_page.py" line="-35"/>
        <source>未收取</source>
        <translation>Not received</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case_dialogs.py" line="+13"/>
        <location filename="../../desktop_app/ui/cases_tab.py" line="-128"/>
        <location filename="../../desktop_app/ui/intake/materials_page.py" line="+1"/>
        <location filename="../../desktop_app/ui/review_detail.py" line="-59"/>
        <source>纸质</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../desktop_app/ui/cases_tab.py" line="+0"/>
        <location filename="../../desktop_app/ui/intake/materials_page.py" line="+1"/>
        <location filename="../../desktop_app/ui/review_detail.py" line="+1"/>
        <source>扫描件</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../desktop_app/ui/cases_tab.py" line="+0"/>
        <location filename="../../desktop_app/ui/intake/materials_page.py" line="+1"/>
        <location filename="../../desktop_app/ui/review_detail.py" line="+1"/>
        <source>电子证照</source>
        <translation>Electronic licence</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>登记容缺材料</source>
        <translation>Record a deferred material</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name}（补交期限 {due}）</source>
        <translation>{name} (due {due})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>材料(&amp;M)：</source>
        <translation>&amp;Material:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>收取方式(&amp;W)：</source>
        <translation>Received &amp;way:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/materials_page.py" line="+48"/>
        <source>容缺（后补）</source>
        <translation>Deferred (to follow)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>容缺材料的补交日期</source>
        <translation>Due date of the deferred material</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>未核验（由部门核查）</source>
        <translation>Not checked (the department checks it)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>沿用办件 {number} 的材料（至 {until}）</source>
        <translation>Reuse the material of case {number} (until {until})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>已存扫描件：</source>
        <translation>Stored scans: </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>政府部门出具的材料：窗口核验须登记核验来源和证照编号，方计为申请人免交</source>
        <translation>Issued by a government body: a window check must record its source and number to count as not handed in</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>不适用（法定代表人本人办理）</source>
        <translation>Not needed (the legal representative applies in person)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>核验来源</source>
        <translation>Checked against</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>证照编号</source>
        <translation>Document number</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>扫描件（{n}）…</source>
        <translation>Scans ({n})...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>添加扫描件…</source>
        <translation>Add scans...</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>合并材料清单</source>
        <translation>Merged material list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>同一材料只收一份；非核心材料可容缺受理，须写明补交日期。</source>
        <translation>Each material is collected once; non-core materials may be deferred with a due date.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>全部已收纸质件(&amp;A)</source>
        <translation>&amp;All received on paper</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>材料不齐：一次性补正告知(&amp;B)…</source>
        <translation>Materials missing: correction notice (&amp;B)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../desktop_app/ui/intake/review_page.py" line="+64"/>
        <location filename="../../desktop_app/ui/online_tab.py" line="+17"/>
        <source>不予受理(&amp;J)…</source>
        <translation>Refuse to accept (&amp;J)…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>告知承诺制（申请人签署承诺书的事项）</source>
        <translation>Notification and commitment (the applicant signs a commitment)</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>高拍仪</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取高拍仪软件刚保存的图像（先在高拍仪软件中拍摄）</source>
        <translation>Take the pages the document camera software just saved (shoot them there first)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>高拍仪文件夹中没有新拍的图像：请先在高拍仪软件中拍摄并保存</source>
        <translation>No new pages in the document camera folder: shoot and save them in the camera software first</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>未能查询已有材料：</source>
        <translation>Could not look up earlier materials: </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>选择“{name}”的扫描件</source>
        <translation>Choose scans of &quot;{name}&quot;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>扫描件 (*.pdf *.jpg *.jpeg *.png);;所有文件 (*)</source>
        <translation>Scans (*.pdf *.jpg *.jpeg *.png);;All files (*)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>扫描件未添加：</source>
        <translation>Scan not added: </translation>
    </message>
    <message>
        <location line="+29"/>
        <source>尚未收取：</source>
        <translation>Not received yet: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>（可标记容缺并写明补交日期，或出具一次性补正告知书）</source>
        <translation> (mark as deferred with a due date, or issue a correction notice)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>窗口核验须写明核验来源和证照编号：</source>
        <translation>A window check needs its source and document number: </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>容缺材料的补交日期须晚于今天：</source>
        <translation>Due dates of deferred materials must be after today: </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/notice_page.py" line="-43"/>
        <source>一次告知</source>
        <translation>One-time notification</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>打印告知单(&amp;P)</source>
        <translation>&amp;Print the notice</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commitments_tab.py" line="-84"/>
        <source>通过</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>不通过（已撤销）</source>
        <translation>Failed (revoked)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>待核查</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/catalog_draft_page.py" line="-1"/>
        <source> 个工作日</source>
        <translation> working days</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>可适用告知承诺制</source>
        <translation>Notification-and-commitment allowed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> 年</source>
        <translation> years</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>长期有效</source>
        <translation>No expiry</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>法定办理时限：</source>
        <translation>Statutory time limit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>承诺办理时限：</source>
        <translation>Promised time limit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>告知承诺：</source>
        <translation>Commitment:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>有效期：</source>
        <translation>Validity:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>收费：</source>
        <translation>Fee:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>设定依据：</source>
        <translation>Legal basis:</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>应用到草稿(&amp;Y)</source>
        <translation>Appl&amp;y to draft</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>应用容缺设置(&amp;M)</source>
        <translation>Apply deferrable &amp;materials</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>勾选的材料可容缺受理（非关键材料，受理后限期补正）：</source>
        <translation>Checked materials may be handed in later (non-key materials, supplied after acceptance within a deadline):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>应用文件修改(&amp;T)</source>
        <translation>Apply file edi&amp;t</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>行业的情形问题和选择规则、表单字段、材料，新增行业（第二批）或许可事项：直接编辑目录文件，应用时按目录规则完整校验。</source>
        <translation>An industry&apos;s questions and rules, form fields, materials, a new industry (second batch) or permit: edit the catalog files directly; applying checks them completely against the catalog rules.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../desktop_app/ui/commitments_tab.py" line="+15"/>
        <location filename="../../desktop_app/ui/intake/notice_page.py" line="+21"/>
        <location filename="../../desktop_app/ui/review_tab.py" line="-152"/>
        <source>许可事项</source>
        <translation>Permits</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>目录文件</source>
        <translation>Catalog files</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>预览修订(&amp;V)…</source>
        <translation>Pre&amp;view revision…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发布新版本(&amp;F)…</source>
        <translation>Publish new version (&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>放弃草稿(&amp;X)</source>
        <translation>Discard draft (&amp;X)</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>此电脑上未发布的目录草稿（{time}，基于目录版本 {label}）属于另一个数据库，未恢复；在此修订将替换它</source>
        <translation>The unpublished catalog draft on this PC ({time}, based on catalog version {label}) belongs to another database and was not restored; revising here replaces it</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>草稿已恢复为未应用的文本：{reason}</source>
        <translation>The draft was restored as text not applied yet: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已恢复 {time} 未发布的草稿（基于目录版本 {label}）</source>
        <translation>Restored the unpublished draft of {time} (based on catalog version {label})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>；目录已有更新的版本 {newest}，此草稿不能再发布：请在新版本上重新修订（可先在“目录文件”中复制修改的内容），再放弃此草稿</source>
        <translation>; the catalog has a newer version {newest}, so this draft can no longer be published: revise the new version again (you may first copy your changes from “Catalog files”), then discard this draft</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>放弃草稿</source>
        <translation>Discard draft</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>放弃草稿中尚未发布的全部修改？</source>
        <translation>Discard every change in the draft that is not published?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>已放弃草稿，重新基于目录版本 {label}</source>
        <translation>Draft discarded; starting again from catalog version {label}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>草稿基于目录版本 {label}；已修改 {count} 个目录文件</source>
        <translation>Draft based on catalog version {label}; {count} catalog file(s) changed</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>草稿基于目录版本 {label}，尚未修改</source>
        <translation>Draft based on catalog version {label}, not changed yet</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>未应用：{reason}</source>
        <translation>Not applied: {reason}</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>已应用到草稿：{permit}</source>
        <translation>Applied to the draft: {permit}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>已应用容缺设置到草稿</source>
        <translation>Deferrable materials applied to the draft</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>已应用 {file}.toml 的修改</source>
        <translation>Applied the edit of {file}.toml</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{file}.toml 有尚未应用的修改：请先应用或放弃</source>
        <translation>{file}.toml has an edit not applied yet: apply or discard it first</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>草稿与目录版本 {label} 相同</source>
        <translation>The draft is the same as catalog version {label}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>与目录版本 {label} 相比：</source>
        <translation>Compared with catalog version {label}:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>预览修订</source>
        <translation>Preview revision</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>草稿尚未修改，无需发布</source>
        <translation>The draft has no changes: nothing to publish</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>与目录版本 {label} 相比的全部变化如下。发布后，自生效日期起新受理的办件使用新版本，各窗口无需重新安装。</source>
        <translation>Every change compared with catalog version {label} is below. Once published, new cases from the day it comes into force use the new version; no counter needs a new installation.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>发布新版本</source>
        <translation>Publish new version</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>已发布目录版本 {label}，自 {day} 起用于新受理的办件</source>
        <translation>Published catalog version {label}; used for new cases from {day}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commitments_tab.py" line="+1"/>
        <source>许可证号</source>
        <translation>Permit no.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>核查期限</source>
        <translation>Check due</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>核查情况</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>含已核查(&amp;L)</source>
        <translation>Include c&amp;losed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>核查通过(&amp;P)</source>
        <translation>Check &amp;passed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>核查不通过(&amp;F)</source>
        <translation>Check &amp;failed</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>核查通过</source>
        <translation>Check passed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>核查情况（可写明核查的内容）：</source>
        <translation>Findings (what was checked):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>核查不通过</source>
        <translation>Check failed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>发现的问题（将载入撤销行政许可决定书）：</source>
        <translation>What was found (printed in the revocation decision):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>已登记，但撤销决定书未能打印：{exc}</source>
        <translation>Recorded, but the revocation decision could not be printed: {exc}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{number} 核查通过</source>
        <translation>{number}: check passed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{number} 核查不通过，许可已撤销，撤销决定书 {notice} 已打印</source>
        <translation>{number}: check failed, the permit is revoked; revocation decision {notice} printed</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/notice_page.py" line="+5"/>
        <source>申请材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>可容缺</source>
        <translation>May be deferred</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>打印失败</source>
        <translation>Printing failed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>告知单未能打印：{exc}
申请信息未受影响，可重新打印。</source>
        <translation>The notice was not printed: {exc}
Nothing entered was lost; you can print again.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/review_page.py" line="-23"/>
        <source>核对并受理</source>
        <translation>Check and accept</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../desktop_app/ui/online_tab.py" line="-2"/>
        <source>受理(&amp;S)</source>
        <translation>Accept (&amp;S)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>重新打印受理通知书(&amp;R)</source>
        <translation>&amp;Reprint the acceptance notice</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>打印综合申请表供签字(&amp;P)</source>
        <translation>&amp;Print the combined form to sign</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>一次性补正告知(&amp;B)…</source>
        <translation>Correction notice (&amp;B)…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&lt;li&gt;{name}（{department_name}）&lt;/li&gt;</source>
        <translation>&lt;li&gt;{name} ({department_name})&lt;/li&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;p&gt;委托代理人：{name}&lt;/p&gt;</source>
        <translation>&lt;p&gt;Agent: {name}&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;h3&gt;{industry_name}：{name}&lt;/h3&gt;&lt;p&gt;许可事项：&lt;/p&gt;&lt;ul&gt;{permits}&lt;/ul&gt;&lt;p&gt;综合表单 {fields} 项已填；材料 {materials} 项已登记。&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{industry_name}: {name}&lt;/h3&gt;&lt;p&gt;Permits:&lt;/p&gt;&lt;ul&gt;{permits}&lt;/ul&gt;&lt;p&gt;Combined form: {fields} fields filled; materials: {materials} recorded.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>未受理，请更正：
</source>
        <translation>Not accepted, please correct:
</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>受理编号：{0}</source>
        <translation>Receipt number: {0}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>已受理，但受理通知书未能打印：{exc}</source>
        <translation>Accepted, but the acceptance notice was not printed: {exc}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/situation_page.py" line="+1"/>
        <source>回答以下情形，系统据此确定需要办理的许可证。</source>
        <translation>Answer the questions below; they decide which permits are needed.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/wizard.py" line="+56"/>
        <source>受理</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>下一步(&amp;N) &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt; 上一步(&amp;B)</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>完成，受理下一件(&amp;F)</source>
        <translation>&amp;Finish, next applicant</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>综合申请表未能打印：{exc}</source>
        <translation>The combined form could not be printed: {exc}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/i18n_terms.py" line="+5"/>
        <location filename="../../desktop_app/ui/intake/wizard.py" line="+26"/>
        <source>一次性补正告知书</source>
        <translation>Correction notice</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desktop_app/ui/intake/wizard.py" line="+0"/>
        <source>不予受理决定书</source>
        <translation>Decision not to accept</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/wizard.py" line="+6"/>
        <source>（未能打印：{exc}，可点“重打”）</source>
        <translation> (not printed: {exc}; click Reprint)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>，申请已保留，申请人补正后点“补正后继续办理”调出</source>
        <translation>; the application is kept: when the applicant is back, use Back with corrections</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已出具{title} {number}{kept}{printed}</source>
        <translation>Issued {title} {number}{kept}{printed}</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>已调出 {number} 的申请，核对补正的材料后继续</source>
        <translation>Application of {number} taken up: check the corrections and go on</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>草稿未能保存：{exc}</source>
        <translation>The draft could not be saved: {exc}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/login_dialog.py" line="+33"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>同心县“一业一证”窗口综合受理系统 — {title}</source>
        <translation>Tongxin County One Industry One Licence counter — {title}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>登录(&amp;L)</source>
        <translation>&amp;Log in</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>用户名(&amp;U)：</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>密码(&amp;P)：</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>退出程序(&amp;Q)</source>
        <translation>&amp;Quit the program</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>请输入用户名和密码</source>
        <translation>Please enter your user name and password</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="+84"/>
        <source>同心县“一业一证”窗口综合受理系统</source>
        <translation>Tongxin County One Industry One Licence counter</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/after_issue.py" line="-155"/>
        <source>办理{kind}</source>
        <translation>{kind}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>证书编号、统一社会信用代码、主体名称，或扫描证书二维码后回车</source>
        <translation>Certificate number, credit code, holder name, or scan the certificate&apos;s QR code, then Enter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>查找证书(&amp;F)：</source>
        <translation>&amp;Find certificate:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>核对办理事项(&amp;P)</source>
        <translation>Work out the &amp;procedure</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>许可</source>
        <translation>Permit</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../desktop_app/ui/review_tab.py" line="+1"/>
        <source>办理类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>材料全部已收(&amp;R)</source>
        <translation>All materials &amp;received</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desktop_app/ui/main_window.py" line="+26"/>
        <source>受理(&amp;A)</source>
        <translation>Intake (&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>关闭(&amp;C)</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>收取材料（勾选已收）：</source>
        <translation>Materials (tick those received):</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>{number}&#x3000;{holder}&#x3000;{uscc}&#x3000;{state}&#x3000;{note}</source>
        <translation>{number}  {holder}  {uscc}  {state}  {note}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>没有找到证书：{text}</source>
        <translation>No certificate found: {text}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{number}（第{revision}版）{holder}&#x3000;统一社会信用代码 {uscc}</source>
        <translation>{number} (revision {revision}) {holder}  credit code {uscc}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>法定代表人：{rep}&#x3000;经营场所：{address}&#x3000;行业：{industry}</source>
        <translation>Legal representative: {rep}  premises: {address}  industry: {industry}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>许可：</source>
        <translation>Permits: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} {no}（{until}）</source>
        <translation>{name} {no} ({until})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>已撤销（换发时去除）：</source>
        <translation>Revoked (left out of the new revision): </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>请先查找并选定证书</source>
        <translation>Find and choose the certificate first</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{days}个工作日</source>
        <translation>{days} working days</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>无需部门审批</source>
        <translation>No department needs to decide</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{kind}受理通知书已打印</source>
        <translation>{kind} acceptance notice printed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>受理通知书未能打印：{exc}，可在“办件”中重打</source>
        <translation>acceptance notice not printed: {exc}; reprint it from Cases</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已受理{kind}申请 {number}（{printed}）</source>
        <translation>{kind} application {number} accepted ({printed})</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>请按提示修改后再核对</source>
        <translation>Correct what is marked, then work it out again</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="+9"/>
        <source>办件(&amp;J)</source>
        <translation>Cases (&amp;J)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>网上申请(&amp;W)</source>
        <translation>Online applications(&amp;W)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>部门审批(&amp;R)</source>
        <translation>Department &amp;review</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>承诺核查(&amp;Q)</source>
        <translation>Commitment checks (&amp;Q)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>监管(&amp;V)</source>
        <translation>Super&amp;vision</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>证照(&amp;Z)</source>
        <translation>Certificates (&amp;Z)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>统计(&amp;T)</source>
        <translation>Dashboard (&amp;T)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>行业目录(&amp;C)</source>
        <translation>Industry &amp;catalog</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>目录管理(&amp;M)</source>
        <translation>Catalog ad&amp;min</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{display_name}（{0}）</source>
        <translation>{display_name} ({0})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>用户 {who}</source>
        <translation>User {who}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>数据库 {0}</source>
        <translation>Database {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>目录 {batch} v{version}</source>
        <translation>Catalog {batch} v{version}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>数据库文件已损坏：已停止保存</source>
        <translation>Database file damaged: saving stopped</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>行业目录已更新为 v{version}：点击切换（新办件按新目录受理）</source>
        <translation>Catalog updated to v{version}: click to switch (new cases use the new catalog)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>未导入{year}年节假日安排：跨年期限暂按周末计算（暂定）</source>
        <translation>Holidays of {year} not imported: deadlines into that year count weekends only (provisional)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>国务院办公厅公布{year}年节假日安排后，请管理员在 设置 → 导入节假日安排 中导入；导入后暂定期限自动重算（现有 {count} 项）。</source>
        <translation>Once the State Council publishes the {year} holidays, an administrator imports them under Settings → Import holidays; provisional deadlines are then recounted ({count} now).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>数据库文件已损坏</source>
        <translation>Database file damaged</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>{at:%H:%M:%S} 已更新：{subject}（{actor}）</source>
        <translation>{at:%H:%M:%S} updated: {subject} ({actor})</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>本机有一份未受理完的草稿：{industry} {name}（保存于 {at:%m-%d %H:%M}）</source>
        <translation>An unfinished draft is on this PC: {industry} {name} (saved {at:%m-%d %H:%M})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>继续该草稿(&amp;G)</source>
        <translation>&amp;Go on with it</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>放弃该草稿</source>
        <translation>Discard it</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pdf_preview.py" line="+53"/>
        <source>预览：{title}</source>
        <translation>Preview: {title}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/printer_dialogs.py" line="+17"/>
        <source>本机没有可用的打印机（可在“设置”中选择打印机）</source>
        <translation>This PC has no printer available (choose one under Settings)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_tab.py" line="+2"/>
        <source>办理方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>承诺期限</source>
        <translation>Promised by</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>选择一项查看申请表、材料和办理记录</source>
        <translation>Select an item to see the form, the materials and the history</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>受理审查(&amp;T)</source>
        <translation>&amp;Take up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>要求补正(&amp;C)</source>
        <translation>Request &amp;correction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>准予许可(&amp;A)</source>
        <translation>&amp;Approve</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>不予许可(&amp;R)</source>
        <translation>&amp;Refuse</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/online_tab.py" line="-59"/>
        <source>{name}（尚未取得，受理时自动下载）</source>
        <translation>{name} (not fetched yet; downloaded on acceptance)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>网上申请 {id}&#x3000;{name}</source>
        <translation>Online application {id}  {name}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>理由：</source>
        <translation>Reasons: </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>提交时间</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>政务服务网</source>
        <translation>Government services web</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>我的宁夏</source>
        <translation>My Ningxia app</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>材料文件</source>
        <translation>Files</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>退回补正(&amp;B)…</source>
        <translation>Return for correction(&amp;B)...</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../desktop_app/ui/review_tab.py" line="+1"/>
        <source>刷新(&amp;F)</source>
        <translation>Re&amp;fresh</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>正在从平台取得材料文件…</source>
        <translation>Fetching the files from the platform...</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>材料文件暂时无法取得：{problem}（未受理，可稍后再试）</source>
        <translation>The files cannot be fetched now: {problem} (not accepted; try again later)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>不能受理：{problems}</source>
        <translation>Cannot accept: {problems}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>已受理，受理编号 {number}</source>
        <translation>Accepted, receipt number {number}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>退回补正</source>
        <translation>Return for correction</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>需要申请人补正的内容（每行一条，平台转告申请人）：</source>
        <translation>What the applicant must correct (one per line; the platform tells the applicant):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/i18n_terms.py" line="-13"/>
        <location filename="../../desktop_app/ui/online_tab.py" line="+7"/>
        <source>已退回补正</source>
        <translation>Returned for correction</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/online_tab.py" line="+6"/>
        <source>不予受理的理由（平台转告申请人）：</source>
        <translation>Reason for refusal (the platform tells the applicant):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已不予受理</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>，答复将发往平台</source>
        <translation>; the answer goes to the platform</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_tab.py" line="+26"/>
        <source>已受理审查</source>
        <translation>Taken up</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>已准予许可</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>要求补正</source>
        <translation>Request correction</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>一次性列明需要补正的全部内容（审批时限暂停计算）：</source>
        <translation>List everything that needs correcting, all at once (the time limit pauses):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已要求补正</source>
        <translation>Correction requested</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>写明不予许可的理由（将载入不予许可决定书）：</source>
        <translation>The reason for refusing (printed in the refusal decision):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已作出不予许可决定</source>
        <translation>Refusal decided</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_tab.py" line="-181"/>
        <source>添加用户</source>
        <translation>Add a user</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>用户名：</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>姓名：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>角色：</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>部门（审批、检查人员）：</source>
        <translation>Department (reviewers and inspectors):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>初始密码：</source>
        <translation>Initial password:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>（系统默认打印机）</source>
        <translation>(system default printer)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>保存本机设置(&amp;S)</source>
        <translation>&amp;Save this PC&apos;s settings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打印套打校准页(&amp;K)</source>
        <translation>Print the overlay calibration page (&amp;K)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>留空使用本机 SQLite；多窗口共用填 postgresql+psycopg://…</source>
        <translation>Empty for this PC&apos;s SQLite; a hall&apos;s shared database: postgresql+psycopg://…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>测试连接(&amp;T)</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>all，或以逗号分隔的部门代码；留空：各部门均在本系统审批</source>
        <translation>all, or comma-separated department codes; empty: every department decides in this system</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>留空：不用阅读器；sdtapi、termb（可加 :端口）、wedge（键盘输入式）</source>
        <translation>Empty: no reader; sdtapi, termb (optionally :port), wedge (types like a keyboard)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>留空：不用高拍仪；否则填高拍仪软件保存图像的文件夹</source>
        <translation>Empty: no document camera; otherwise the folder its software saves pages into</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>打印与套打</source>
        <translation>Printing and overlay</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>打印机：</source>
        <translation>Printer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>套打水平偏移（右为正）：</source>
        <translation>Overlay horizontal offset (right is positive):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>套打垂直偏移（上为正）：</source>
        <translation>Overlay vertical offset (up is positive):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>当前：</source>
        <translation>Current:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>地址（重启后生效）：</source>
        <translation>Address (used after a restart):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>行业目录：</source>
        <translation>Industry catalog:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>界面语言（重启后生效）：</source>
        <translation>Language (used after a restart):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>身份证阅读器：</source>
        <translation>ID card reader:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>高拍仪图像文件夹：</source>
        <translation>Document camera folder:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>区域一业一证平台</source>
        <translation>Regional One Industry One Licence platform</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>平台地址：</source>
        <translation>Platform address:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>访问令牌：</source>
        <translation>Access token:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>在平台审批的部门：</source>
        <translation>Departments deciding on the platform:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>添加用户(&amp;U)</source>
        <translation>Add a &amp;user</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>停用所选用户</source>
        <translation>Disable the selected user</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>导入节假日安排(&amp;H)</source>
        <translation>Import the &amp;holiday calendar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>系统管理（管理员）</source>
        <translation>Administration (administrator)</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>已保存本机设置</source>
        <translation>This PC&apos;s settings were saved</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>校准页已发送到 {0}</source>
        <translation>Calibration page sent to {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>留空即使用本机 SQLite，无需测试</source>
        <translation>Empty means this PC&apos;s SQLite; nothing to test</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_start_dialog.py" line="+41"/>
        <source>同心县“一业一证”窗口综合受理系统 — 首次启动</source>
        <translation>Tongxin &quot;One Industry, One Licence&quot; counter - first start</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>本机尚未设置。请管理员填写大厅数据库等信息，保存为本机设置（{path}，需要管理员权限）；或直接单机使用，数据保存在本机。</source>
        <translation>This PC is not set up yet. An administrator fills in the hall&apos;s database and the other settings and saves them as this PC&apos;s settings ({path}, administrator rights needed); or use the PC stand-alone, with the data kept on it.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>留空：单机 SQLite；大厅：postgresql+psycopg://…</source>
        <translation>Empty: stand-alone SQLite; a hall: postgresql+psycopg://...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>可留空：https://…</source>
        <translation>Optional: https://...</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>数据库地址(&amp;D)：</source>
        <translation>&amp;Database address:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>行政区划代码(&amp;O)：</source>
        <translation>&amp;Office code:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>窗口编号(&amp;W)：</source>
        <translation>&amp;Workstation code:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>平台地址(&amp;P)：</source>
        <translation>&amp;Platform address:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保存为本机设置(&amp;S)</source>
        <translation>&amp;Save as this PC&apos;s settings</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>单机使用(&amp;A)</source>
        <translation>Stand-&amp;alone</translation>
    </message>
    <message>
        <location line="+36"/>
        <location filename="../../desktop_app/ui/settings_tab.py" line="+5"/>
        <source>连接失败：{exc}</source>
        <translation>Connection failed: {exc}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>无法保存设置：{exc}</source>
        <translation>Cannot save the settings: {exc}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_tab.py" line="+2"/>
        <source>连接成功：{reached}</source>
        <translation>Connected: {reached}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/roster_panel.py" line="-1"/>
        <location filename="../../desktop_app/ui/settings_tab.py" line="+4"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="-1"/>
        <location filename="../../desktop_app/ui/settings_tab.py" line="+0"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_tab.py" line="+0"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/roster_panel.py" line="-29"/>
        <source>登记回避</source>
        <translation>Record a conflict</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name}（{username}）</source>
        <translation>{name} ({username})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>18位统一社会信用代码</source>
        <translation>18-character unified social credit code</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>统一社会信用代码：</source>
        <translation>Unified social credit code:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>回避理由：</source>
        <translation>Reason for recusal:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/catalog_pending_page.py" line="-1"/>
        <source>记录部门确认</source>
        <translation>Record a department&apos;s confirmation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{label}：{value}</source>
        <translation>{label}: {value}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>答复人姓名</source>
        <translation>Name of the person who answered</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>答复方式、文号，如：核对表签章回执</source>
        <translation>How they answered, document number, e.g. the sealed checklist</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>确认的内容：</source>
        <translation>Values confirmed:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>答复单位：</source>
        <translation>Answering department:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>答复人：</source>
        <translation>Answered by:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>答复日期：</source>
        <translation>Answered on:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>说明：</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>请填写答复单位和答复人</source>
        <translation>Fill in the answering department and the person</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>全部部门</source>
        <translation>All departments</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>显示已确认的内容(&amp;D)</source>
        <translation>Show confirmed values (&amp;D)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../desktop_app/ui/roster_panel.py" line="+11"/>
        <location filename="../../desktop_app/ui/settings_tab.py" line="+0"/>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>内容</source>
        <translation>Value</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>目录中的值</source>
        <translation>As in the catalog</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>依据 / 确认情况</source>
        <translation>Source / confirmation</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>记录确认(&amp;R)…</source>
        <translation>&amp;Record confirmation…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打印核对表(&amp;P)</source>
        <translation>&amp;Print checklist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>核对表存为 PDF(&amp;S)…</source>
        <translation>&amp;Save checklist as PDF…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>部门：</source>
        <translation>Department:</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>已确认 {count} 项</source>
        <translation>{count} confirmed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>待确认 {count} 项</source>
        <translation>{count} to confirm</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>请先选择要确认的内容（可按住 Ctrl 多选同一事项的几项）</source>
        <translation>Select the values to confirm first (Ctrl selects several of one item)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>一次只能记录同一事项的确认，请只选择同一事项的内容</source>
        <translation>One confirmation covers one item: select values of the same item only</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>已记录确认：目录版本 {label} 自今天起执行，{count} 项不再标注 ※</source>
        <translation>Confirmation recorded: catalog version {label} is in force from today; {count} value(s) no longer marked ※</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+21"/>
        <source>核对表按部门打印：请先选择部门</source>
        <translation>Checklists are per department: choose a department first</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>核对表已送打印机 {printer}</source>
        <translation>Checklist sent to printer {printer}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>核对表存为 PDF</source>
        <translation>Save checklist as PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{department}目录核对表.pdf</source>
        <translation>{department} catalog checklist.pdf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/catalog_admin_actions.py" line="+86"/>
        <source>{department}没有待确认的内容</source>
        <translation>{department} has nothing to confirm</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>{reason}（{advice}）</source>
        <translation>{reason} ({advice})</translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../../desktop_app/ui/catalog_pending_page.py" line="+12"/>
        <source>无法写入 {path}：{reason}</source>
        <translation>Cannot write {path}: {reason}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>无法读取 {path}：{reason}</source>
        <translation>Cannot read {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/catalog_pending_page.py" line="+2"/>
        <source>已保存核对表：{path}</source>
        <translation>Checklist saved: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/roster_panel.py" line="+3"/>
        <location filename="../../desktop_app/ui/settings_tab.py" line="+10"/>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>在岗</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>回避</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{code}（{reason}）</source>
        <translation>{code} ({reason})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>登记回避(&amp;C)…</source>
        <translation>Record &amp;conflict…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>执法检查人员名录（增加或停用检查人员：设置 → 用户，由系统管理员办理）</source>
        <translation>Inspector roster (inspectors are added or disabled under Settings → Users, by the administrator)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>还没有在岗的执法检查人员</source>
        <translation>There is no active inspector yet</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>已登记 {inspector} 回避 {code}</source>
        <translation>Recorded: {inspector} must not inspect {code}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_tab.py" line="+2"/>
        <source>锁定中</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>已添加用户 {0}</source>
        <translation>Added user {0}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>已停用用户 {username}</source>
        <translation>Disabled user {username}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>导入节假日安排</source>
        <translation>Import the holiday calendar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>节假日文件 (*.txt)</source>
        <translation>Holiday files (*.txt)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>更正已导入的年份</source>
        <translation>Correct a year already imported</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>未导入</source>
        <translation>Not imported</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已导入：全年 {days} 个工作日；{moved} 件办件的期限随之调整</source>
        <translation>Imported: {days} working days in the year; deadlines of {moved} cases moved</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/situation_form.py" line="+46"/>
        <source>请填写</source>
        <translation>Required</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{label}：</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/platform_sync.py" line="+43"/>
        <source>平台同步：{problem}</source>
        <translation>Platform sync: {problem}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>最近成功：{success}
最近错误：{error}</source>
        <translation>Last success: {success}
Last error: {error}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>，平台退回 {refused} 件（请负责人处理）</source>
        <translation>, {refused} refused by the platform (for the supervisor)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>平台同步由 {computer} 负责，待发 {outbox} 件{refused}</source>
        <translation>Platform sync run by {computer}, {outbox} waiting{refused}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>平台同步正常，待发 {outbox} 件{refused}</source>
        <translation>Platform sync OK, {outbox} waiting{refused}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>平台暂不可达，待发 {outbox} 件，自动重试{refused}</source>
        <translation>Platform unreachable, {outbox} waiting, retrying{refused}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/widgets.py" line="+42"/>
        <source>{day}（暂定）</source>
        <translation>{day} (provisional)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/error_handler.py" line="+81"/>
        <source>未能完成操作</source>
        <translation>The action could not be completed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{message}

已填写的内容都还在，可以继续办理。</source>
        <translation>{message}

Everything typed is still there; you can go on.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/case_documents.py" line="+17"/>
        <source>未打印</source>
        <translation>Not printed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} 次；最近 {at} {user}（{printer}）</source>
        <translation>{count}×; last {at} {user} ({printer})</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../../desktop_app/ui/cases_tab.py" line="-105"/>
        <source>文书</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desktop_app/ui/intake/returning_dialog.py" line="-2"/>
        <source>出具时间</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>出具人</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打印记录</source>
        <translation>Print log</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>打印所选文书(&amp;P)</source>
        <translation>&amp;Print the selected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>出具送达回执(&amp;H)</source>
        <translation>Delivery receipt (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/agent_box.py" line="+27"/>
        <source>由委托代理人办理（非法定代表人本人到场时勾选）(&amp;W)</source>
        <translation>Applied by an agent (tick when the legal representative is not present) (&amp;W)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>读取代理人身份证</source>
        <translation>Read the agent&apos;s ID card</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>代理人姓名：</source>
        <translation>Agent&apos;s name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>代理人身份证件号码：</source>
        <translation>Agent&apos;s ID number:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>代理人联系电话（选填）：</source>
        <translation>Agent&apos;s phone (optional):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/counter_decision.py" line="+47"/>
        <source>一次性补正告知</source>
        <translation>Correction notice</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>一次性列明需要补正的全部内容，每行一项（已列出尚未收取的材料）。申请保留，申请人补正后凭告知书编号继续办理。</source>
        <translation>List everything to correct, one per line (the materials not received are listed). The application is kept; the applicant comes back with the notice&apos;s number.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>请列明需要补正的内容</source>
        <translation>Please list what is to be corrected</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/i18n_terms.py" line="+1"/>
        <location filename="../../desktop_app/ui/intake/counter_decision.py" line="+11"/>
        <location filename="../../desktop_app/ui/online_tab.py" line="-12"/>
        <source>不予受理</source>
        <translation>Refuse to accept</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/counter_decision.py" line="+0"/>
        <source>不予受理的理由（将载入不予受理决定书）：</source>
        <translation>Reason for not accepting (printed in the decision):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/returning_dialog.py" line="-10"/>
        <source>补正后继续办理</source>
        <translation>Back with corrections</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>补正告知书编号、主体名称或统一社会信用代码</source>
        <translation>Correction notice number, enterprise name or credit code</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>补正告知书</source>
        <translation>Correction notice</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>需补正</source>
        <translation>To correct</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>继续办理(&amp;G)</source>
        <translation>&amp;Go on</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>重打补正告知书(&amp;P)</source>
        <translation>Re&amp;print the notice</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>没有找到补正中的申请</source>
        <translation>No application waiting for corrections was found</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/expiring_panel.py" line="-12"/>
        <source>{days}天内到期</source>
        <translation>Expiring within {days} days</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>剩余天数</source>
        <translation>Days left</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>打印延续提醒告知书(&amp;M)</source>
        <translation>Print renewal re&amp;minder</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>到期提醒(&amp;D)：</source>
        <translation>Expiry reminders (&amp;D):</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>{count}项许可将在{days}天内到期</source>
        <translation>{count} permits expire within {days} days</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>到期提醒-{day}.xlsx</source>
        <translation>expiring-{day}.xlsx</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导出到期提醒</source>
        <translation>Export expiring permits</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>未能导出：{reason}</source>
        <translation>Not exported: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已导出：{path}</source>
        <translation>Exported: {path}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>请先选择一项许可</source>
        <translation>Choose a permit first</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../desktop_app/ui/intake/returning_dialog.py" line="+12"/>
        <location filename="../../desktop_app/ui/intake/wizard.py" line="-78"/>
        <location filename="../../desktop_app/ui/supervision_tab.py" line="+23"/>
        <source>未能打印：{exc}</source>
        <translation>Not printed: {exc}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake/returning_dialog.py" line="+2"/>
        <location filename="../../desktop_app/ui/intake/wizard.py" line="+2"/>
        <source>已重打 {number}</source>
        <translation>{number} reprinted</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_detail.py" line="+1"/>
        <source>容缺，尚未补交</source>
        <translation>Deferred, not received yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>沿用已有材料</source>
        <translation>Reused from an earlier case</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>（{size}）</source>
        <translation> ({size})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>窗口核验：{source} {no}（{who}，{at}）</source>
        <translation>Checked at the window: {source} {no} ({who}, {at})</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{number}&#x3000;{name}&#x3000;{permit}</source>
        <translation>{number}  {name}  {permit}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>办理类型：{kind}&#x3000;办理方式：{mode}&#x3000;状态：{state}</source>
        <translation>Kind: {kind}  procedure: {mode}  state: {state}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>证书现载：许可证编号 {no}，有效期至 {until}</source>
        <translation>On the certificate now: permit no. {no}, valid until {until}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>告知承诺：申请人已签署告知承诺书，可先行准予，60日内核查。</source>
        <translation>Commitment: the applicant signed the commitment letter; it may be approved now and checked within 60 days.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name}（{due}）</source>
        <translation>{name} ({due})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>容缺材料尚未补齐：{names}；补齐前不能准予。</source>
        <translation>Deferred materials outstanding: {names}; no approval until they are in.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>（办件 {number}）</source>
        <translation> (case {number})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>（{at} 补交）</source>
        <translation> (received {at})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/scan_viewer.py" line="+28"/>
        <source>无法显示该 PDF：{exc}</source>
        <translation>Cannot show this PDF: {exc}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>无法显示该图像</source>
        <translation>Cannot show this image</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>扫描件：{title}</source>
        <translation>Scan: {title}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/id_card_reading.py" line="+15"/>
        <source>读取身份证</source>
        <translation>Read ID card</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>请在阅读器上放置身份证（阅读器会输入到这里）：</source>
        <translation>Place the ID card on the reader (the reader types here):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已取消读卡</source>
        <translation>Reading cancelled</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/supervision_tab.py" line="-224"/>
        <source>合格</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>需整改</source>
        <translation>Changes required</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>不合格</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>安排联合现场核查</source>
        <translation>Schedule a joint site inspection</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>留空：经营场所地址</source>
        <translation>Empty: the business address</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/catalog_draft_page.py" line="-125"/>
        <location filename="../../desktop_app/ui/supervision_tab.py" line="+4"/>
        <source>{name}（{department}）</source>
        <translation>{name} ({department})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/supervision_tab.py" line="+7"/>
        <source>核查时间：</source>
        <translation>Time:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>核查地点：</source>
        <translation>Site:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/roster_panel.py" line="-71"/>
        <location filename="../../desktop_app/ui/supervision_tab.py" line="+1"/>
        <source>检查人员：</source>
        <translation>Inspectors:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/supervision_tab.py" line="+27"/>
        <source>登记现场核查结论</source>
        <translation>Record the site inspection result</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>需整改：写明整改意见；不合格：写明理由</source>
        <translation>Changes required: say which; failed: say why</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>核查事项：</source>
        <translation>Item:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>结论：</source>
        <translation>Result:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>意见：</source>
        <translation>Findings:</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>现场核查</source>
        <translation>Site inspection</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>安排核查(&amp;S)…</source>
        <translation>&amp;Schedule inspection...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>登记结论(&amp;E)…</source>
        <translation>R&amp;ecord result...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>整改完成(&amp;G)</source>
        <translation>Chan&amp;ges done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打印通知书</source>
        <translation>Print notice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打印记录表</source>
        <translation>Print record sheet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>打印整改意见书</source>
        <translation>Print rectification notice</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>一同核查：需要现场核查的在办件</source>
        <translation>Joint inspections: open cases that need a site inspection</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>一同核查</source>
        <translation>Joint inspections</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>双随机抽查</source>
        <translation>Random inspections</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>检查对象名录</source>
        <translation>Registry</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>执法检查人员名录</source>
        <translation>Inspector roster</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{permit}：{text}</source>
        <translation>{permit}: {text}</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>{title}：{at}，{site}；检查人员 {people}</source>
        <translation>{title}: {at}, {site}; inspectors {people}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>（{findings}）</source>
        <translation> ({findings})</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>本案没有本部门需要核查的事项</source>
        <translation>Nothing in this case for your department to inspect</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>已打印</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/draws_panel.py" line="-84"/>
        <source>未发现问题</source>
        <translation>No problem found</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>发现问题</source>
        <translation>Problem found</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>无法联系</source>
        <translation>Not found at the address</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>双随机抽取</source>
        <translation>Random draw</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{cls} 类</source>
        <translation>Class {cls}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>抽取前确定并公开，如：日期 + 抽查公告文号</source>
        <translation>Fixed and published before the draw, e.g. the date and the notice number</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>抽查部门：</source>
        <translation>Departments:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>抽查比例：</source>
        <translation>Sampling ratios:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>随机种子：</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>每户每部门检查人员：</source>
        <translation>Inspectors per target and department:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>登记抽查结果</source>
        <translation>Record the inspection result</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>结果：</source>
        <translation>Result:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desktop_app/ui/measure_dialogs.py" line="+51"/>
        <source>发现的问题：</source>
        <translation>Findings:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>抽取编号</source>
        <translation>Draw</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>随机种子</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>名录户数</source>
        <translation>Registry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>抽中户数</source>
        <translation>Drawn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已公示</source>
        <translation>Published</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../desktop_app/ui/registry_panel.py" line="-7"/>
        <source>信用等级</source>
        <translation>Credit class</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>检查人员</source>
        <translation>Inspectors</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>尚未检查</source>
        <translation>Not inspected yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desktop_app/ui/registry_panel.py" line="+11"/>
        <source>发现的问题</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>新抽取(&amp;N)…</source>
        <translation>&amp;New draw...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>登记结果(&amp;R)…</source>
        <translation>&amp;Record result...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>监管处理(&amp;M)…</source>
        <translation>&amp;Measure…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>对发现问题的检查对象责令整改或撤销许可</source>
        <translation>Order rectification or revoke a permit of a target where a problem was found</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>复核抽取</source>
        <translation>Verify draw</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导出公示表…</source>
        <translation>Export the published list...</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>抽取 {id}：名录 {size} 户，抽中 {count} 户</source>
        <translation>Draw {id}: {count} of {size} registered drawn</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>请先选择抽取和检查对象</source>
        <translation>Choose a draw and a target first</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>已登记 {name} 的抽查结果</source>
        <translation>Result of {name} recorded</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>只有“发现问题”的检查对象才能作出处理</source>
        <translation>Only a target with a problem found can be given a measure</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} 已没有有效的行业综合许可证</source>
        <translation>{name} no longer holds a valid industry licence</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>导出公示表</source>
        <translation>Export the published list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>抽查结果公示-{id}.xlsx</source>
        <translation>inspection-results-{id}.xlsx</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel 工作簿 (*.xlsx);;可打印的公示表 (*.pdf)</source>
        <translation>Excel workbook (*.xlsx);;Printable list (*.pdf)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>已导出公示表（{count} 户）：{path}</source>
        <translation>Published list exported ({count} targets): {path}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/registry_panel.py" line="-45"/>
        <source>已撤销许可</source>
        <translation>Permit revoked</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>整改完成（{day}）</source>
        <translation>Rectified ({day})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>责令整改（至 {due}）</source>
        <translation>Rectification ordered (by {due})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>调整信用等级</source>
        <translation>Change the credit class</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>信用等级：</source>
        <translation>Credit class:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>调整理由：</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>处理</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>决定书</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>整改完成(&amp;D)…</source>
        <translation>Rectification &amp;done…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>调整信用等级(&amp;L)…</source>
        <translation>Change credit c&amp;lass...</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>检查对象名录：持有效行业综合许可证的主体</source>
        <translation>Registry: holders of a valid combined licence</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>监管处理：责令整改与撤销许可（反馈到证照和统计）</source>
        <translation>Measures: rectification orders and revocations (shown in certificates and statistics)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>请先选择监管处理</source>
        <translation>Select a measure first</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>该处理已办结</source>
        <translation>This measure is already closed</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>已登记整改完成：{permit}</source>
        <translation>Rectification recorded as done: {permit}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>请先选择主体</source>
        <translation>Choose an enterprise first</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{name} 的信用等级已调整为 {cls}</source>
        <translation>Credit class of {name} changed to {cls}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/measure_dialogs.py" line="-17"/>
        <source>监管处理</source>
        <translation>Supervision measure</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>责令限期整改</source>
        <translation>Order rectification by a date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>撤销许可</source>
        <translation>Revoke the permit</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>撤销所依据的法律法规条款</source>
        <translation>The article of law the revocation rests on</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>处理方式：</source>
        <translation>Measure:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>许可证：</source>
        <translation>Permit:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>整改期限：</source>
        <translation>Rectify by:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>撤销依据：</source>
        <translation>Legal basis:</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>整改完成</source>
        <translation>Rectification done</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>处理：</source>
        <translation>Measure:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>复查情况：</source>
        <translation>Re-check found:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/catalog_comparison.py" line="-38"/>
        <source>字段 {separate}→{combined}（{pct:+.1f}%）；材料 {m_separate}→{m_combined}</source>
        <translation>Fields {separate}→{combined} ({pct:+.1f}%); materials {m_separate}→{m_combined}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>对象</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>项目</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+20"/>
        <source>原来</source>
        <translation>Before</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+21"/>
        <source>修订后</source>
        <translation>After</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>情形</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原来办理</source>
        <translation>Permits before</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>修订后办理</source>
        <translation>Permits after</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>共核对 {checked} 种情形组合，{changed} 种的许可事项有变化</source>
        <translation>{checked} situations checked; {changed} change their permits</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>内容差异（{count}）</source>
        <translation>Value changes ({count})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>情形组合（{count}）</source>
        <translation>Situations ({count})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>改革成效（{count} 个行业有变化）</source>
        <translation>Reform figures ({count} industries changed)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>修订的内容和依据，如：县卫健局2026年12月1日函</source>
        <translation>What is revised and on what basis, e.g. the county health bureau&apos;s letter of 1 Dec 2026</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>新版本号：</source>
        <translation>New version:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>生效日期（用于此日起新受理的办件）：</source>
        <translation>In force from (for new cases from this day):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>修订说明：</source>
        <translation>Revision note:</translation>
    </message>
</context>
</TS>
