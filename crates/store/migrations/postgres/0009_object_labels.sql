-- Object names in other languages, as JSON: {"labels": {"zh-CN": "…"}, "plural_labels": {…}}.
ALTER TABLE meta_object ADD COLUMN labels TEXT;
