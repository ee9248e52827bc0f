from desktop_app.domain.masking import mask_id_number, mask_phone


def test_id_number_hides_the_birth_date() -> None:
    assert mask_id_number("640324199001011236") == "640324********1236"
    assert mask_id_number("123") == "***"


def test_phone_keeps_prefix_and_last_four() -> None:
    assert mask_phone("13800138000") == "138****8000"
    assert mask_phone("09531234567") == "095****4567"
