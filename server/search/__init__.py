"""Expert search: full text in Chinese and pinyin, with filters, ranked."""
