"""Documents of a page, session 14 (invented pages)."""

from nlp.pipeline import process_text


def test_a_metadata_tables_name_field_and_the_title_repeated_under_it_are_one_document():
    title = "关于进一步规范办公用房管理的通知"
    text = "\n".join([
        f"名    称 : {title}",
        "  • 索   引  号 :ABC0123456789",
        "  • 发 布 机 构 :某某区机关事务管理局",
        "  • 发 文 字 号 :某机管(2019)3号",
        "  • 主 题 分 类 :综合政务",
        "  • 有   效  性 :有效",
        "", title, "", title, "", "某机管(2019)3号", "", title, "",
        "各科室、中心:",
        "为进一步规范办公用房管理,现就有关事项通知如下:",
        "一、严格执行配置标准",
        "各科室要严格按照标准使用办公用房,不得超标准占用。",
        "二、加强日常管理",
        "办公室负责办公用房的日常管理,每半年开展一次自查。",
        "某某区机关事务管理局",
        "2019年3月5日",
    ])
    docs = list(process_text(text))
    assert len(docs) == 1
    assert docs[0].title == title and docs[0].doc_number == "某机管(2019)3号"
    assert [s.marker for s in docs[0].sections] == ["一、", "二、"]


def test_a_sites_licence_number_is_no_headline():
    from nlp.split_head import headline_candidate

    assert not headline_candidate("互联网新闻信息许可证:12345678901")
    assert not headline_candidate("网站标识码:ABC0001234")
    text = "\n".join(["某某健康网", "", "互联网新闻信息许可证:12345678901", "", "某省卫健委:今年实现乡镇卫生院健康教育全覆盖", "",
                     "2024-05-06 09:30:00 记者 某某", "",
                     "省卫生健康委新闻发布会上介绍,今年全省将实现乡镇卫生院健康教育全覆盖,各县要建成健康教育骨干队伍。"])
    assert next(iter(process_text(text))).title == "某省卫健委:今年实现乡镇卫生院健康教育全覆盖"


def test_a_headline_telling_where_is_no_units_name():
    from nlp.split_head import head_title, is_unit_name

    assert not is_unit_name("安全培训在中心医院") and is_unit_name("某市中心医院")
    lines = ["廉洁教育在妇幼院", "", "发布时间:2008-03-02 10:12:05 浏览量:321", "", "——组织全院职工观看警示教育片", "",
             "为强化医德医风教育,我院党委于3月1日组织中层干部和职工分批观看警示教育片。"]
    assert head_title(lines)[0] == "廉洁教育在妇幼院"
