import math
from collections.abc import Mapping

import pytest

from desktop_app.catalog import Catalog, resolve
from desktop_app.catalog.bundle import SHARED_GROUP
from desktop_app.catalog.enumerate import answer_space
from desktop_app.catalog.errors import (
    AnswerTypeError,
    ImpossibleAnswersError,
    InvalidAnswerError,
    MissingAnswerError,
    UnknownAnswerError,
    UnknownIndustryError,
)

CASES = [
    # 1 超市: food_business always; thresholds at 300 m² ("以上" includes 300).
    ("supermarket", {"area_m2": 299.9}, ["food_business"]),
    ("supermarket", {"area_m2": 300}, ["food_business", "public_hygiene"]),
    ("supermarket", {"area_m2": 300.1}, ["food_business", "public_hygiene"]),
    (
        "supermarket",
        {
            "area_m2": 50,
            "halal": True,
            "onsite_production": True,
            "sells_drugs": True,
            "device_class2": True,
        },
        ["food_business", "halal", "food_registration", "drug_retail", "device2_filing"],
    ),
    # 2 便利店: 30 m² or less → 登记证 (食品小销售店), above → 许可证.
    ("convenience_store", {"area_m2": 30}, ["food_registration"]),
    ("convenience_store", {"area_m2": 30.1}, ["food_business"]),
    ("convenience_store", {"area_m2": 31}, ["food_business"]),
    ("convenience_store", {"area_m2": 0}, ["food_registration"]),
    (
        "convenience_store",
        {"area_m2": 25, "sells_drugs": True, "device_class2": True},
        ["food_registration", "drug_retail", "device2_filing"],
    ),
    # 3 餐厅
    ("restaurant", {}, ["food_business"]),
    ("restaurant", {"halal": True}, ["food_business", "halal"]),
    # 4 小餐饮: 150 m² or less → 登记证 (小餐饮).
    ("small_catering", {"area_m2": 150}, ["food_registration"]),
    ("small_catering", {"area_m2": 150.5}, ["food_business"]),
    ("small_catering", {"area_m2": 151, "halal": True}, ["food_business", "halal"]),
    # 5 老年人就餐中心: halal asked, default true.
    ("elderly_canteen", {}, ["food_business", "halal"]),
    ("elderly_canteen", {"halal": False}, ["food_business"]),
    # 6 烘焙坊
    ("bakery", {}, ["food_business"]),
    ("bakery", {"onsite_production": True}, ["food_business", "food_registration"]),
    ("bakery", {"halal": True}, ["food_business", "halal"]),
    # 7 宾馆: halal only together with catering.
    ("hotel", {}, ["public_hygiene", "special_trade"]),
    ("hotel", {"halal": True}, ["public_hygiene", "special_trade"]),
    ("hotel", {"catering": True}, ["public_hygiene", "special_trade", "food_business"]),
    (
        "hotel",
        {"catering": True, "halal": True},
        ["public_hygiene", "special_trade", "food_business", "halal"],
    ),
    # 8–11: two always, food when sold.
    ("arcade", {}, ["public_hygiene", "entertainment"]),
    ("arcade", {"sells_food": True}, ["public_hygiene", "entertainment", "food_business"]),
    ("ktv", {"sells_food": True}, ["public_hygiene", "entertainment", "food_business"]),
    ("ktv", {}, ["public_hygiene", "entertainment"]),
    ("internet_cafe", {}, ["internet_security", "network_culture"]),
    (
        "internet_cafe",
        {"sells_food": True},
        ["internet_security", "network_culture", "food_business"],
    ),
    ("cinema", {}, ["public_hygiene", "film_screening"]),
    ("cinema", {"sells_food": True}, ["public_hygiene", "film_screening", "food_business"]),
    # 12 诊所
    ("clinic", {}, ["clinic_filing"]),
    ("clinic", {"maternal_infant": True}, ["clinic_filing", "maternal_infant"]),
    (
        "clinic",
        {"maternal_infant": True, "radiology": True},
        ["clinic_filing", "maternal_infant", "radiology"],
    ),
    ("clinic", {"radiology": True}, ["clinic_filing", "radiology"]),
    # 13 零售药店
    ("pharmacy", {}, ["drug_retail"]),
    (
        "pharmacy",
        {"device_class2": True, "device_class3": True, "sells_food": True},
        ["drug_retail", "device2_filing", "device3_license", "food_business"],
    ),
    # 14 医疗器械销售: at least one class.
    ("device_sales", {"device_class2": True}, ["device2_filing"]),
    ("device_sales", {"device_class3": True}, ["device3_license"]),
    (
        "device_sales",
        {"device_class2": True, "device_class3": True},
        ["device2_filing", "device3_license"],
    ),
]


@pytest.mark.parametrize(("industry", "answers", "expected"), CASES)
def test_rules_pick_the_permits_of_domain_md(
    catalog: Catalog, industry: str, answers: dict[str, object], expected: list[str]
) -> None:
    bundle = resolve(catalog, industry, answers)
    assert [p.code for p in bundle.permits] == expected


def test_every_industry_is_covered_by_the_cases(catalog: Catalog) -> None:
    assert {c[0] for c in CASES} == {i.code for i in catalog.industries}


@pytest.mark.parametrize(
    ("industry", "answers", "variant_name"),
    [
        ("convenience_store", {"area_m2": 30}, "食品生产经营登记证（食品小销售店）"),
        ("small_catering", {"area_m2": 10}, "食品生产经营登记证（小餐饮）"),
        ("bakery", {"onsite_production": True}, "食品生产经营登记证（食品生产加工小作坊）"),
    ],
)
def test_registration_carries_its_variant(
    catalog: Catalog, industry: str, answers: dict[str, object], variant_name: str
) -> None:
    names = [p.name for p in resolve(catalog, industry, answers).permits]
    assert variant_name in names


def test_industry_found_by_alias_resolves_the_same(catalog: Catalog) -> None:
    assert resolve(catalog, "网咖", {}).industry == "internet_cafe"
    assert resolve(catalog, "蛋糕店", {}).industry == "bakery"


def test_each_permit_carries_its_department(catalog: Catalog) -> None:
    bundle = resolve(catalog, "hotel", {"catering": True, "halal": True})
    assert {p.code: p.department for p in bundle.permits} == {
        "public_hygiene": "health",
        "special_trade": "police",
        "food_business": "market",
        "halal": "united_front",
    }


def test_combined_form_asks_each_field_once_shared_first(catalog: Catalog) -> None:
    bundle = resolve(catalog, "pharmacy", {"device_class2": True, "device_class3": True})
    keys = [f.key for f in bundle.fields]
    assert len(keys) == len(set(keys))
    groups = [f.group for f in bundle.fields]
    first_own = groups.index(next(g for g in groups if g != SHARED_GROUP))
    assert all(g == SHARED_GROUP for g in groups[:first_own])
    assert SHARED_GROUP not in groups[first_own:]
    assert keys[:7] == [
        "enterprise_name",
        "credit_code",
        "legal_rep_name",
        "legal_rep_id",
        "address",
        "contact_name",
        "contact_phone",
    ]
    # The drug and the device quality managers may be two people: two fields; the device one is
    # asked once for both device permits.
    quality = next(f for f in bundle.fields if f.key == "quality_manager_name")
    assert (quality.group, quality.permits) == ("drug_retail", ("drug_retail",))
    device = next(f for f in bundle.fields if f.key == "device_quality_manager_name")
    assert (device.group, set(device.permits)) == (
        SHARED_GROUP,
        {"device2_filing", "device3_license"},
    )
    info = next(f for f in bundle.fields if f.key == "info_system")
    assert (info.group, info.permits) == ("device3_license", ("device3_license",))


def test_own_fields_are_grouped_by_permit_in_permit_order(catalog: Catalog) -> None:
    bundle = resolve(catalog, "hotel", {"catering": True})
    own = [f.group for f in bundle.fields if f.group != SHARED_GROUP]
    assert own == sorted(own, key=["public_hygiene", "special_trade", "food_business"].index)


def test_area_is_taken_from_the_answer_not_asked_twice(catalog: Catalog) -> None:
    bundle = resolve(catalog, "convenience_store", {"area_m2": 25, "sells_drugs": True})
    area = [f for f in bundle.fields if f.key == "area_m2"]
    assert len(area) == 1
    assert area[0].answer == "area_m2"


def test_materials_are_merged_with_the_permits_that_need_them(catalog: Catalog) -> None:
    bundle = resolve(catalog, "cinema", {"sells_food": True})
    keys = [m.key for m in bundle.materials]
    assert len(keys) == len(set(keys))
    premises = next(m for m in bundle.materials if m.key == "premises_proof")
    assert set(premises.permits) == {"film_screening", "food_business"}
    form = next(m for m in bundle.materials if m.key == "combined_application")
    assert set(form.permits) == {"public_hygiene", "film_screening", "food_business"}
    assert not any(k.endswith("_application") and k != "combined_application" for k in keys)


def test_government_issued_materials_are_fetched_not_asked(catalog: Catalog) -> None:
    bundle = resolve(catalog, "hotel", {})
    fetched = {m.key for m in bundle.materials if m.government_issued}
    assert {"fire_safety_approval", "business_licence"} <= fetched
    assert not fetched & {m.key for m in bundle.materials_to_hand_in()}


def test_steps_run_departments_in_parallel_between_counter_and_issue(catalog: Catalog) -> None:
    bundle = resolve(catalog, "hotel", {"catering": True, "halal": True})
    stages = [s.stage for s in bundle.steps]
    assert stages == ["counter", "department", "department", "department", "department", "issue"]
    assert bundle.steps[0].department == "approval_service"
    assert bundle.steps[-1].department == "market"
    assert bundle.promised_days == max(p.promised_days for p in bundle.permits)
    assert bundle.serial_promised_days == sum(p.promised_days for p in bundle.permits)


def test_one_department_with_two_permits_is_one_step(catalog: Catalog) -> None:
    bundle = resolve(catalog, "device_sales", {"device_class2": True, "device_class3": True})
    departments = [s for s in bundle.steps if s.stage == "department"]
    assert len(departments) == 1
    assert departments[0].permits == ("device2_filing", "device3_license")


def test_single_permit_bundle_is_not_certificate_eligible(catalog: Catalog) -> None:
    assert not resolve(catalog, "restaurant", {}).certificate_eligible
    assert resolve(catalog, "restaurant", {"halal": True}).certificate_eligible


def test_unknown_industry(catalog: Catalog) -> None:
    with pytest.raises(UnknownIndustryError, match="洗车店"):
        resolve(catalog, "洗车店", {})


def test_typo_in_an_answer_key_is_refused(catalog: Catalog) -> None:
    with pytest.raises(UnknownAnswerError, match="halaal"):
        resolve(catalog, "restaurant", {"halaal": True})


def test_answer_the_industry_does_not_ask_is_refused(catalog: Catalog) -> None:
    with pytest.raises(UnknownAnswerError, match="不询问"):
        resolve(catalog, "restaurant", {"radiology": True})


@pytest.mark.parametrize("industry", ["supermarket", "convenience_store", "small_catering"])
def test_missing_area_is_refused(catalog: Catalog, industry: str) -> None:
    with pytest.raises(MissingAnswerError, match="营业面积"):
        resolve(catalog, industry, {})


@pytest.mark.parametrize("value", ["25", True, {"m2": 25}, [25]])
def test_area_of_the_wrong_type_is_refused(catalog: Catalog, value: object) -> None:
    with pytest.raises(AnswerTypeError):
        resolve(catalog, "convenience_store", {"area_m2": value})


@pytest.mark.parametrize("value", [1, "yes", 0.0])
def test_yes_no_answer_of_the_wrong_type_is_refused(catalog: Catalog, value: object) -> None:
    with pytest.raises(AnswerTypeError):
        resolve(catalog, "restaurant", {"halal": value})


@pytest.mark.parametrize("value", [-1, -0.1, math.inf, -math.inf, math.nan, 1e7])
def test_impossible_area_is_refused(catalog: Catalog, value: float) -> None:
    with pytest.raises(InvalidAnswerError, match="营业面积"):
        resolve(catalog, "supermarket", {"area_m2": value})


def test_device_sales_needs_a_device_class(catalog: Catalog) -> None:
    with pytest.raises(ImpossibleAnswersError, match="第二类或第三类"):
        resolve(catalog, "device_sales", {})


def test_every_answer_combination_resolves_except_the_impossible_one(catalog: Catalog) -> None:
    refused = []
    for industry in catalog.industries:
        for answers in answer_space(industry, catalog):
            try:
                bundle = resolve(catalog, industry, answers)
            except ImpossibleAnswersError:
                refused.append((industry.code, answers))
                continue
            assert bundle.permits
            assert len({p.code for p in bundle.permits}) == len(bundle.permits)
    assert refused == [("device_sales", {"device_class2": False, "device_class3": False})]


def test_area_is_asked_in_the_form_where_the_industry_did_not_ask_it(catalog: Catalog) -> None:
    bundle = resolve(catalog, "restaurant", {})
    area = next(f for f in bundle.fields if f.key == "area_m2")
    assert area.answer is None


def _groups(catalog: Catalog, industry: str, answers: Mapping[str, object]) -> dict[str, str]:
    return {f.key: f.group for f in resolve(catalog, industry, answers).fields}


def test_only_the_same_fact_is_merged(catalog: Catalog) -> None:
    # 宾馆: public hygiene asks the hotel's area, food business its catering area.
    hotel = _groups(catalog, "hotel", {"catering": True})
    assert hotel["area_m2"] == "public_hygiene"
    assert hotel["food_area_m2"] == "food_business"
    # 超市 with a 小作坊: the workshop's own area; the drug and the device quality managers, the
    # staff and the warehouses are each their own field.
    answers = {"area_m2": 400, "onsite_production": True, "sells_drugs": True}
    supermarket = _groups(catalog, "supermarket", answers | {"device_class2": True})
    assert supermarket["area_m2"] == SHARED_GROUP  # food business, drugs, hygiene: the shop
    assert supermarket["workshop_area_m2"] == "food_registration"
    assert supermarket["quality_manager_name"] == "drug_retail"
    assert supermarket["device_quality_manager_name"] == "device2_filing"
    assert (supermarket["drug_staff_count"], supermarket["staff_count"]) == (
        "drug_retail",
        "public_hygiene",
    )
    warehouses = ("warehouse_address", "drug_warehouse_address", "device_warehouse_address")
    assert [supermarket[k] for k in warehouses] == [
        "food_business",
        "drug_retail",
        "device2_filing",
    ]
    # Where the other fact is on the form, it is offered as the default.
    fields = {
        f.key: f for f in resolve(catalog, "supermarket", answers | {"device_class2": True}).fields
    }
    assert fields["device_quality_manager_name"].default_from == "quality_manager_name"
    assert fields["device_warehouse_address"].default_from == "drug_warehouse_address"
    no_drugs = resolve(catalog, "supermarket", {"area_m2": 400, "device_class2": True})
    (device_store,) = [f for f in no_drugs.fields if f.key == "device_warehouse_address"]
    assert device_store.default_from == "warehouse_address"
    # A restaurant's area is one fact: still one field.
    assert "food_area_m2" not in _groups(catalog, "restaurant", {})


def test_the_separate_forms_are_counted_as_before(catalog: Catalog) -> None:
    """A swap changes which field a permit asks, not how many: the reform figure is honest."""
    hotel = resolve(catalog, "hotel", {"catering": True})
    industry = catalog.find_industry("hotel")
    assert industry is not None
    for permit in hotel.permits:
        spec = catalog.permits[permit.code]
        asked = {f.key for f in hotel.fields if permit.code in f.permits}
        assert asked == set(industry.permit_form(spec))
        assert len(industry.permit_form(spec)) == len(spec.form)


def test_which_items_need_a_site_check_is_catalog_data(catalog: Catalog) -> None:
    hotel = resolve(catalog, "hotel", {"catering": True})
    assert {p.code: p.site_check for p in hotel.permits} == {
        "public_hygiene": True,
        "special_trade": True,
        "food_business": True,
    }
    workshop = resolve(catalog, "supermarket", {"area_m2": 100, "onsite_production": True})
    shop = resolve(catalog, "convenience_store", {"area_m2": 20, "device_class2": True})
    assert [p.site_check for p in workshop.permits if p.code == "food_registration"] == [True]
    assert {p.code: p.site_check for p in shop.permits} == {
        "food_registration": False,  # a 小销售店 is registered without one
        "device2_filing": False,  # 备案: checked afterwards
    }
    assert all("site_check" in catalog.permits[p.code].unverified for p in hotel.permits)
