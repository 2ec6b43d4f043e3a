"""Date fixes of session 21, found on collected pages (texts written for the test)."""
from nlp.extract.dates import find_dates


def _dates(text):
    return [m.text for m in find_dates(text)]


def test_holiday_as_a_persons_given_name_is_no_date():
    assert _dates("本网讯(通讯员 张国庆)为做好秋季开学工作,学校开展安全排查。") == []
    assert _dates("记者刘国庆报道") == []


def test_holiday_after_a_family_names_character_in_a_season_stays():
    assert _dates("国庆期间,赵国庆同志带队检查。") == ["国庆"]
    assert _dates("中秋国庆期间严禁公款送礼。") == ["国庆"]  # 秋 is a family name too


def test_a_bracketed_year_with_its_month_and_day_is_one_date():
    # Taiwan's 本(110)年2月8日 (民国 110 = 2021), and the western year so bracketed
    (m,) = find_dates("依据本(110)年2月8日县务会议主席裁示办理。")
    assert (m.text, m.value["start"]) == ("本(110)年2月8日", "2021-02-08")
    (m,) = find_dates("依据本(2021)年2月8日县务会议主席裁示办理。")
    assert (m.text, m.value["start"]) == ("本(2021)年2月8日", "2021-02-08")
    (m,) = find_dates("去(113)年度预算执行率偏低。")
    assert m.value["start"] == "2024"


def test_the_signing_date_under_its_issuer_over_the_pages_labels_is_the_documents():
    text = "请认真贯彻执行。\n\n某市人民政府办公厅     \n\n2020年5月20日 \n\n\n来源:   作者:   编辑:王某\n"
    assert _dates(text) == ["2020年5月20日"]
    # a page's stamp under a headline stays chrome
    assert _dates("某局召开安全生产会议\n2023年09月15日\n来源:某局 浏览:12\n会议强调,要压实责任。") == []
