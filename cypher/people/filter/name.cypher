// Filter: the Chinese name contains $name, or the pinyin starts with $pinyin ("zhang wei", "zhangw").
(p.name CONTAINS $name OR p.pinyin STARTS WITH $pinyin OR replace(p.pinyin, ' ', '') STARTS WITH $pinyin)
