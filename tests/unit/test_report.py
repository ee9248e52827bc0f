from desktop_app.catalog import Catalog
from desktop_app.catalog.report import batch_report, broadest_bundle, industry_reduction


def test_broadest_bundle_switches_every_optional_permit_on(catalog: Catalog) -> None:
    supermarket = catalog.find_industry("supermarket")
    assert supermarket is not None
    bundle = broadest_bundle(catalog, supermarket)
    assert len(bundle.permits) == 6
    # 便利店's exclusive food permits: the registration variant (first in answer order) is kept.
    store = catalog.find_industry("convenience_store")
    assert store is not None
    codes = [p.code for p in broadest_bundle(catalog, store).permits]
    assert codes == ["food_registration", "drug_retail", "device2_filing"]


def test_reduction_counts_each_permits_own_form_and_materials(catalog: Catalog) -> None:
    device_sales = catalog.find_industry("device_sales")
    assert device_sales is not None
    bundle = broadest_bundle(catalog, device_sales)
    reduction = industry_reduction(catalog, bundle)
    device2, device3 = catalog.permits["device2_filing"], catalog.permits["device3_license"]
    assert reduction.separate_fields == len(device2.form) + len(device3.form)
    assert reduction.combined_fields == len(bundle.fields)
    assert reduction.separate_materials == len(device2.materials) + len(device3.materials)
    assert reduction.combined_materials == len(bundle.materials)  # checks count per case
    expected = round(
        (reduction.combined_fields - reduction.separate_fields) / reduction.separate_fields * 100, 1
    )
    assert reduction.fields_reduction_pct == expected


def test_batch_total_adds_up_the_industries(catalog: Catalog) -> None:
    rows, total = batch_report(catalog)
    assert len(rows) == 14
    assert total.separate_fields == sum(r.separate_fields for r in rows)
    assert total.combined_materials == sum(r.combined_materials for r in rows)
    for row in rows:
        assert row.combined_fields < row.separate_fields, row.code
        assert row.combined_materials < row.separate_materials, row.code
    assert total.fields_reduction_pct < 0
    assert total.materials_reduction_pct < 0
