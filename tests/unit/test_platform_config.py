import pytest

from desktop_app.settings import WorkstationSettings
from desktop_app.sync.config import PlatformConfigError, platform_config


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://[::1", "平台地址无效"),
        ("https://platform.example:port", "平台地址无效"),
        ("http://platform.example", "须为 https://"),
        ("ftp://platform.example", "须为 https://"),
        ("https://", "须为 https://"),
    ],
)
def test_a_wrong_platform_address_is_one_clear_error(url: str, reason: str) -> None:
    with pytest.raises(PlatformConfigError, match=reason):
        platform_config(WorkstationSettings(), {"YIYE_PLATFORM_URL": url})


def test_https_and_loopback_http_are_taken() -> None:
    assert platform_config(
        WorkstationSettings(), {"YIYE_PLATFORM_URL": "https://p.example/"}
    ).url == ("https://p.example")
    assert platform_config(
        WorkstationSettings(), {"YIYE_PLATFORM_URL": "http://127.0.0.1:8443"}
    ).url
