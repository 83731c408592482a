CREATE TABLE `draft_sources` (
	`draft_id` integer NOT NULL,
	`rank` integer NOT NULL,
	`pair_id` integer NOT NULL,
	PRIMARY KEY(`draft_id`, `rank`),
	FOREIGN KEY (`draft_id`) REFERENCES `drafts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`pair_id`) REFERENCES `training_pairs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `draft_sources_pair_idx` ON `draft_sources` (`pair_id`);--> statement-breakpoint
CREATE TABLE `drafts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`origin` text NOT NULL,
	`message_id` integer,
	`pair_id` integer,
	`client_text` text NOT NULL,
	`text` text NOT NULL,
	`language` text NOT NULL,
	`model` text NOT NULL,
	`prompt_tokens` integer,
	`completion_tokens` integer,
	`first_token_ms` integer,
	`total_ms` integer,
	`feedback` integer,
	`feedback_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`pair_id`) REFERENCES `training_pairs`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `drafts_created_idx` ON `drafts` (`created_at`);