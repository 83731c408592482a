-- Full-text indexes over stemmed text (rb_stem: Snowball, Russian and English), so word
-- forms match (заказ / заказа / заказом). Contentless: the readable text stays in the
-- base tables; contentless_delete lets triggers delete rows by rowid.
CREATE VIRTUAL TABLE `messages_fts` USING fts5(subject, body, content='', contentless_delete=1);
--> statement-breakpoint
CREATE TRIGGER `messages_fts_ai` AFTER INSERT ON `messages` BEGIN
  INSERT INTO messages_fts(rowid, subject, body) VALUES (new.id, rb_stem(new.subject), rb_stem(new.body_text));
END;
--> statement-breakpoint
CREATE TRIGGER `messages_fts_ad` AFTER DELETE ON `messages` BEGIN
  DELETE FROM messages_fts WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `messages_fts_au` AFTER UPDATE OF subject, body_text ON `messages` BEGIN
  DELETE FROM messages_fts WHERE rowid = old.id;
  INSERT INTO messages_fts(rowid, subject, body) VALUES (new.id, rb_stem(new.subject), rb_stem(new.body_text));
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `pairs_fts` USING fts5(client, reply, content='', contentless_delete=1);
--> statement-breakpoint
CREATE TRIGGER `pairs_fts_ai` AFTER INSERT ON `training_pairs` BEGIN
  INSERT INTO pairs_fts(rowid, client, reply) VALUES (
    new.id,
    rb_stem(coalesce(new.client_text_edited, new.client_text)),
    rb_stem(coalesce(new.reply_text_edited, new.reply_text)));
END;
--> statement-breakpoint
CREATE TRIGGER `pairs_fts_ad` AFTER DELETE ON `training_pairs` BEGIN
  DELETE FROM pairs_fts WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `pairs_fts_au` AFTER UPDATE OF client_text, reply_text, client_text_edited, reply_text_edited ON `training_pairs` BEGIN
  DELETE FROM pairs_fts WHERE rowid = old.id;
  INSERT INTO pairs_fts(rowid, client, reply) VALUES (
    new.id,
    rb_stem(coalesce(new.client_text_edited, new.client_text)),
    rb_stem(coalesce(new.reply_text_edited, new.reply_text)));
END;
--> statement-breakpoint
INSERT INTO messages_fts(rowid, subject, body) SELECT id, rb_stem(subject), rb_stem(body_text) FROM messages;
--> statement-breakpoint
INSERT INTO pairs_fts(rowid, client, reply)
  SELECT id, rb_stem(coalesce(client_text_edited, client_text)), rb_stem(coalesce(reply_text_edited, reply_text)) FROM training_pairs;
