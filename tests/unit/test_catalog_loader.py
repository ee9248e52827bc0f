from pathlib import Path

import pytest

from desktop_app.catalog import Catalog, CatalogError, load_catalog
from tests.conftest import EditCatalog

DOMAIN_PERMITS = {
    "food_business": "market",
    "food_registration": "market",
    "drug_retail": "market",
    "device2_filing": "market",
    "device3_license": "market",
    "halal": "united_front",
    "public_hygiene": "health",
    "special_trade": "police",
    "internet_security": "police",
    "entertainment": "culture",
    "network_culture": "culture",
    "film_screening": "publicity",
    "clinic_filing": "health",
    "maternal_infant": "health",
    "radiology": "health",
}
SHARED_KEYS = [
    "enterprise_name",
    "credit_code",
    "legal_rep_name",
    "legal_rep_id",
    "address",
    "contact_name",
    "contact_phone",
]


def test_catalog_has_the_first_batch_of_domain_md(catalog: Catalog) -> None:
    assert catalog.batch == "第一批"
    assert set(catalog.departments) == {
        "publicity",
        "united_front",
        "police",
        "culture",
        "health",
        "market",
        "approval_service",
    }
    assert {code: p.department for code, p in catalog.permits.items()} == DOMAIN_PERMITS
    assert [i.number for i in catalog.industries] == list(range(1, 15))
    assert catalog.issuing_department == "market"


def test_shared_fields_use_the_canonical_keys(catalog: Catalog) -> None:
    assert [k for k, f in catalog.fields.items() if f.shared] == SHARED_KEYS


def test_every_permit_has_a_form_materials_and_limits(catalog: Catalog) -> None:
    for permit in catalog.permits.values():
        assert permit.form, permit.code
        assert permit.materials, permit.code
        assert permit.promised_days <= permit.statutory_days
        assert "enterprise_name" in permit.form


def test_industries_ask_only_the_questions_their_rules_use(catalog: Catalog) -> None:
    questions = {i.code: set(i.questions) for i in catalog.industries}
    assert questions["restaurant"] == {"halal"}
    assert questions["hotel"] == {"catering", "halal"}
    assert questions["convenience_store"] == {"area_m2", "sells_drugs", "device_class2"}
    assert questions["device_sales"] == {"device_class2", "device_class3"}


@pytest.mark.parametrize(
    "query", ["便利店", "网咖", "KTV", "ktv", "ＫＴＶ", "蛋糕店", "老饭桌", "hotel"]
)
def test_industries_are_found_by_code_name_or_alias(catalog: Catalog, query: str) -> None:
    assert catalog.find_industry(query) is not None


def _refused(directory: Path) -> CatalogError:
    with pytest.raises(CatalogError) as info:
        load_catalog(directory)
    return info.value


def test_unknown_permit_reference_names_file_and_key(edited_catalog: EditCatalog) -> None:
    directory = edited_catalog("industries.toml", 'permit = "halal" }', 'permit = "halall" }')
    error = _refused(directory)
    assert error.file == "industries.toml"
    assert error.path == "industry[0].rules[0].permit"
    assert "halall" in str(error)


def test_unknown_department_is_refused(edited_catalog: EditCatalog) -> None:
    directory = edited_catalog("permits.toml", 'department = "united_front"', 'department = "x"')
    error = _refused(directory)
    assert (error.file, error.path) == ("permits.toml", "permit[5].department")


def test_unknown_form_field_is_refused(edited_catalog: EditCatalog) -> None:
    directory = edited_catalog("permits.toml", '"food_equipment",', '"food_equipmnt",')
    assert _refused(directory).path == "permit[0].form[21]"


def test_unknown_material_is_refused(edited_catalog: EditCatalog) -> None:
    directory = edited_catalog("permits.toml", 'key = "food_layout"', 'key = "nope"')
    assert "nope" in _refused(directory).problem


def test_duplicate_codes_are_refused(edited_catalog: EditCatalog) -> None:
    directory = edited_catalog("departments.toml", 'code = "police"', 'code = "publicity"')
    error = _refused(directory)
    assert (error.file, error.path) == ("departments.toml", "department[2].code")


def test_duplicate_alias_across_industries_is_refused(edited_catalog: EditCatalog) -> None:
    directory = edited_catalog("industries.toml", '"小卖部"', '"KTV"')
    error = _refused(directory)
    assert "convenience_store" in error.problem
    assert error.path == "industry[8].aliases"


def test_wrong_type_is_refused(edited_catalog: EditCatalog) -> None:
    directory = edited_catalog("permits.toml", "statutory_days = 10", 'statutory_days = "10"')
    error = _refused(directory)
    assert error.path == "permit[0].statutory_days"
    assert "类型错误" in error.problem


def test_boolean_where_a_number_belongs_is_refused(edited_catalog: EditCatalog) -> None:
    directory = edited_catalog("permits.toml", "promised_days = 5", "promised_days = true")
    assert _refused(directory).path == "permit[0].promised_days"


def test_unknown_key_is_refused(edited_catalog: EditCatalog) -> None:
    directory = edited_catalog("permits.toml", "commitment_allowed = false", "comitment = false")
    assert _refused(directory).path == "permit[0].comitment"


def test_unknown_field_type_is_refused(edited_catalog: EditCatalog) -> None:
    directory = edited_catalog("fields.toml", 'type = "integer"', 'type = "int"')
    assert "int" in _refused(directory).problem


def test_unknown_answer_key_in_a_condition_is_refused(edited_catalog: EditCatalog) -> None:
    directory = edited_catalog("industries.toml", 'when = "sells_drugs"', 'when = "sells_drug"')
    error = _refused(directory)
    assert error.path == "industry[0].rules[2].when"
    assert "sells_drug" in error.problem


def test_malformed_condition_is_refused(edited_catalog: EditCatalog) -> None:
    directory = edited_catalog("industries.toml", 'when = "area_m2 >= 300"', 'when = "area_m2 >="')
    assert _refused(directory).path == "industry[0].rules[4].when"


def test_comparison_on_a_yes_no_answer_is_refused(edited_catalog: EditCatalog) -> None:
    directory = edited_catalog(
        "industries.toml", 'when = "sells_drugs"', 'when = "sells_drugs > 1"'
    )
    assert "是否题" in _refused(directory).problem


def test_unknown_variant_is_refused(edited_catalog: EditCatalog) -> None:
    directory = edited_catalog("industries.toml", 'variant = "workshop"', 'variant = "factory"')
    assert "factory" in _refused(directory).problem


def test_industry_with_only_one_possible_permit_is_refused(edited_catalog: EditCatalog) -> None:
    # 餐厅 without its halal rule can only ever need 食品经营许可证.
    directory = edited_catalog(
        "industries.toml",
        'always = ["food_business"]\nrules = [\n    { when = "halal", permit = "halal" },\n]\n\n'
        "[[industry]]\nnumber = 4",
        'always = ["food_business"]\nrules = []\n\n[[industry]]\nnumber = 4',
    )
    error = _refused(directory)
    assert error.path == "industry[2].rules"
    assert "一个许可事项" in error.problem


def test_toml_syntax_error_names_the_file(edited_catalog: EditCatalog) -> None:
    directory = edited_catalog("questions.toml", 'key = "halal"', 'key = "halal')
    error = _refused(directory)
    assert error.file == "questions.toml"
    assert "TOML" in error.problem


def test_missing_file_is_refused(tmp_path: Path) -> None:
    assert _refused(tmp_path).file == "catalog.toml"


def test_missing_required_key_is_refused(edited_catalog: EditCatalog) -> None:
    directory = edited_catalog("departments.toml", 'short_name = "宣传部"\n', "")
    assert _refused(directory).path == "department[0].short_name"


def test_promised_longer_than_statutory_is_refused(edited_catalog: EditCatalog) -> None:
    directory = edited_catalog("permits.toml", "promised_days = 5", "promised_days = 50")
    assert _refused(directory).path == "permit[0].promised_days"


def test_every_permit_has_its_change_renewal_and_cancellation(catalog: Catalog) -> None:
    for code in catalog.permits:
        for kind in ("change", "renewal", "cancellation"):
            rule = catalog.after_issue[(code, kind)]
            assert rule.promised_days <= rule.statutory_days
            assert "combined_application" in rule.materials
    renewal = catalog.after_issue[("food_business", "renewal")]
    assert "health_certificates" in renewal.materials  # its own override
    assert catalog.after_issue[("halal", "renewal")].basis == renewal.basis  # kept from the kind
    assert catalog.reissue_materials == ("combined_application", "reissue_statement")


@pytest.mark.parametrize(
    ("old", "new", "path", "problem"),
    [
        ('code = "public_hygiene"', 'code = "hygiene"', "permit[1].code", "未知的许可证"),
        ('kind = "renewal"', 'kind = "renew"', "permit[0].kind", "未知的办理类型"),
        ("[kind.cancellation]", "[kind.cancel]", "kind.cancellation", "缺少必填项"),
        ('"renewal_statement"]', '"renewal_statemnt"]', "kind.renewal.materials[2]", "未知的材料"),
        (
            "promised_days = 5\nmaterials",
            "promised_days = 50\nmaterials",
            "kind.change",
            "承诺时限",
        ),
        (
            'unverified = ["statutory_days"',
            'unverified = ["statutory_dayz"',
            "kind.change",
            "未知的项目",
        ),
    ],
)
def test_a_wrong_lifecycle_entry_names_its_place(
    edited_catalog: EditCatalog, old: str, new: str, path: str, problem: str
) -> None:
    error = _refused(edited_catalog("lifecycle.toml", old, new))
    assert error.file == "lifecycle.toml"
    assert error.path.startswith(path), error
    assert problem in error.problem


@pytest.mark.parametrize(
    ("old", "new", "path", "problem"),
    [
        (
            'check_number_field = "credit_code"',
            'check_number_field = "credit_code"\nreuse_months = 12',
            "material[16].reuse_months",
            "窗口核验",
        ),
        ('reuse_if_same = ["address"]', 'reuse_if_same = ["adress"]', "reuse_if_same[0]", "adress"),
        ("reuse_months = 12", "reuse_months = 121", "reuse_months", "月数"),
        (
            "only_with_agent = true",
            'only_with_agent = true\ncheck_source = "档案"',
            "check_source",
            "政府部门",
        ),
    ],
)
def test_reuse_and_check_data_are_checked(
    edited_catalog: EditCatalog, old: str, new: str, path: str, problem: str
) -> None:
    error = _refused(edited_catalog("materials.toml", old, new))
    assert error.file == "materials.toml"
    assert error.path.endswith(path)
    assert problem in error.problem


@pytest.mark.parametrize(
    ("new", "problem"),
    [
        ('forms = { drug_retail = { area_m2 = "food_area_m2" } }', "不办理许可证"),
        ('forms = { food_business = { staff_count = "food_area_m2" } }', "没有字段"),
        ('forms = { food_business = { area_m2 = "nope" } }', "未知的表单字段"),
        ('forms = { food_business = { area_m2 = "warehouse_address" } }', "已有字段"),
    ],
)
def test_form_swaps_are_checked(edited_catalog: EditCatalog, new: str, problem: str) -> None:
    old = 'forms = { food_business = { area_m2 = "food_area_m2" } }'
    error = _refused(edited_catalog("industries.toml", old, new))
    assert error.file == "industries.toml"
    assert error.path.startswith("industry[6].forms.")
    assert problem in error.problem


def test_an_unknown_default_source_is_refused(edited_catalog: EditCatalog) -> None:
    old = 'default_from = ["quality_manager_name"]'
    error = _refused(edited_catalog("fields.toml", old, 'default_from = ["quality_manager"]'))
    assert error.path.endswith("default_from[0]")


@pytest.mark.parametrize(
    ("new", "path"),
    [
        ('site_check = { basis = "" }', "site_check.basis"),
        ('site_check = { basis = "X", variants = ["kiosk"] }', "site_check.variants[0]"),
        ('site_check = { basis = "X", when = "always" }', "site_check.when"),
    ],
)
def test_site_check_data_is_checked(edited_catalog: EditCatalog, new: str, path: str) -> None:
    old = (
        'site_check = { basis = "《药品经营和使用质量监督管理办法》：药品零售企业开办的现场检查" }'
    )
    error = _refused(edited_catalog("permits.toml", old, new))
    assert error.path.endswith(path)
