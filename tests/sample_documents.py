"""One realistic content per document kind, as the services freeze it (rendering tests, docs)."""

from __future__ import annotations

from typing import Any

RARE_NAME = "同心县𠀀·清真超市有限公司"
CASE = "SL2025640324010000001"
HEADER: dict[str, Any] = {
    "case": CASE,
    "industry": "超市",
    "day": "2025-09-26",
    "addressee": {"enterprise": RARE_NAME, "contact": "马·阿卜杜拉", "role": "委托代理人"},
}
ITEM = {
    "permit": "food_business",
    "name": "食品经营许可证",
    "department": "县市场监督管理局",
    "mode": "normal",
    "promised_due": "2025-10-17",
    "statutory_due": "2025-10-30",
    "promised_days": 10,
    "statutory_days": 20,
    "provisional": False,
}
SAMPLES: dict[str, tuple[str, dict[str, Any]]] = {
    "receipt": (
        CASE,
        {
            **HEADER,
            "enterprise": RARE_NAME,
            "accepted_on": "2025-09-26",
            "items": [
                ITEM,
                {
                    **ITEM,
                    "permit": "halal",
                    "name": "清真食品准营证",
                    "department": "县委统战部（民族宗教事务局）",
                    "statutory_due": "2026-01-12",
                    "statutory_days": 60,
                    "provisional": True,
                },
            ],
            "received": [["营业执照", "electronic"], ["经营场所平面图", "paper"]],
            "deferred": [["从业人员健康证明", "2025-10-20"]],
        },
    ),
    "application_form": (
        "SQ2025640324010000001",
        {
            **HEADER,
            "kind": "新办",
            "sections": [
                {
                    "title": "共用信息",
                    "rows": [
                        ["主体名称", RARE_NAME],
                        ["统一社会信用代码", "91640324MA0000001T"],
                        ["法定代表人", "马·阿卜杜拉"],
                        ["经营场所", "宁夏吴忠市同心县豫海镇清真大街88号一层至二层"],
                    ],
                },
                {"title": "食品经营许可证", "rows": [["经营项目", "预包装食品销售"]]},
            ],
            "situation": [["营业面积", "400平方米"], ["清真", "是"]],
            "permits": [["食品经营许可证", "县市场监督管理局", "一般程序"]],
            "materials": [
                ["营业执照", "窗口核验", ""],
                ["从业人员健康证明", "容缺", "2025-10-20前补交"],
            ],
            "agent": {"name": "马·小明", "id_number": "640324198503150771", "phone": "13912345678"},
        },
    ),
    "commitment": (
        "CN2025640324010000001",
        {
            **HEADER,
            "permits": [
                {
                    "name": "公共场所卫生许可证",
                    "department": "县卫生健康局",
                    "basis": "公共场所卫生管理条例",
                }
            ],
        },
    ),
    "correction": (
        "BZ2025640324010000001",
        {
            **HEADER,
            "case": None,
            "missing": ["经营场所平面图", "法定代表人身份证复印件"],
            "note": "",
        },
    ),
    "refusal": (
        "BY2025640324010000001",
        {**HEADER, "case": None, "reason": "所申请事项不属于本窗口受理范围"},
    ),
    "rejection": (
        "BX2025640324010000001",
        {
            **HEADER,
            "permit": "清真食品准营证",
            "department": "县委统战部",
            "reason": "经营场所不符合条件",
        },
    ),
    "termination": (
        "ZZ2025640324010000001",
        {**HEADER, "reason": "容缺材料逾期未补交", "overdue": [["从业人员健康证明", "2025-10-20"]]},
    ),
    "revocation": (
        "CX2025640324010000001",
        {
            **HEADER,
            "permit": "公共场所卫生许可证",
            "permit_no": "卫公证字〔2025〕第0001号",
            "department": "县卫生健康局",
            "findings": "现场无消毒设施，与承诺不符",
        },
    ),
    "delivery": (
        "SD2025640324010000001",
        {**HEADER, "documents": [["不予行政许可决定书", "BX2025640324010000001"]]},
    ),
    "cancellation": (
        "ZX2025640324010000001",
        {
            **HEADER,
            "kind_name": "减项",
            "certificate": "640324-2025-000001",
            "revision": 2,
            "reason": "不再经营清真食品和医疗器械",
            "cancelled": [
                ["清真食品准营证", "QZ6403242025001", "县委统战部"],
                ["公共场所卫生许可证", "卫公证字〔2025〕第0001号", "县卫生健康局"],
            ],
            "kept": [["食品经营许可证", "JY16403240001", "县市场监督管理局"]],
        },
    ),
    "renewal_reminder": (
        "YX2025640324010000001",
        {
            **HEADER,
            "case": None,
            "certificate": "640324-2025-000001",
            "permits": [
                ["清真食品准营证", "QZ6403242025001", "县委统战部", "2025-12-31"],
                ["公共场所卫生许可证", "卫公证字〔2025〕第0001号", "县卫生健康局", "2026-02-28"],
            ],
        },
    ),
}
# A receipt after issue: the kind in its title, what changes, the permits' own procedures.
CHANGE_RECEIPT = (
    CASE,
    {
        **HEADER,
        "enterprise": RARE_NAME,
        "accepted_on": "2025-09-26",
        "kind_name": "变更",
        "certificate": "640324-2025-000001",
        "changes": [
            ["法定代表人（负责人）", "马·阿卜杜拉", "马文军"],
            ["法定代表人（负责人）身份证件号码", "6403**********1234", "6403**********4567"],
        ],
        "reason": None,
        "items": [
            {**ITEM, "kind": "change", "promised_days": 5},
            {
                **ITEM,
                "permit": "halal",
                "name": "清真食品准营证",
                "department": "县委统战部",
                "kind": "change",
                "promised_days": 5,
            },
        ],
        "received": [["行业综合许可证正、副本原件", "paper"]],
        "deferred": [],
    },
)
# What each rendered document must say (besides the addressee's name).
EXPECTED = {
    "receipt": [
        "容缺受理通知书",
        "从业人员健康证明",
        "2025年10月20日",
        "10个工作日",
        "60个工作日＊",
    ],
    "application_form": ["一业一证", "行业综合许可申请表", "91640324MA0000001T", "委托代理人签字"],
    "commitment": ["告知承诺书", "公共场所卫生许可证", "申请人承诺"],
    "correction": ["一次性补正告知书", "经营场所平面图", "一次性告知"],
    "refusal": ["不予受理决定书", "不属于本窗口受理范围", "行政复议"],
    "rejection": ["不予行政许可决定书", "经营场所不符合条件", "第三十八条"],
    "termination": ["终止办理告知书", "容缺材料逾期未补交", "从业人员健康证明"],
    "revocation": ["撤销行政许可决定书", "卫公证字〔2025〕第0001号", "与承诺不符"],
    "delivery": ["送达回执", "BX2025640324010000001"],
    "cancellation": ["行业综合许可证注销通知书", "清真食品准营证", "继续有效", "第七十条"],
    "renewal_reminder": ["延续提醒告知书", "2025年12月31日", "三十日前", "第五十条"],
}
