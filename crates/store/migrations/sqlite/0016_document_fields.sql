-- The fields a kept document holds (JSON: object, record, field, whether it was masked for the
-- person who made it), so that it is opened only by readers who may read all of them.
ALTER TABLE documents ADD COLUMN fields TEXT;
