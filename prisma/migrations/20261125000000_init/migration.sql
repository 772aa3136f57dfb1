-- CreateTable
CREATE TABLE `conferences` (
    `id` INTEGER UNSIGNED NOT NULL AUTO_INCREMENT,
    `invitation_id` CHAR(26) NOT NULL,
    `admin_id` CHAR(26) NOT NULL,
    `room_id` CHAR(26) NOT NULL,
    `starts_at` DATETIME(0) NOT NULL,
    `local_start` DATETIME(0) NOT NULL,
    `time_zone` VARCHAR(64) NOT NULL,
    `duration_minutes` SMALLINT UNSIGNED NOT NULL DEFAULT 60,
    `repeat_every` SMALLINT UNSIGNED NULL,
    `repeat_unit` ENUM('day', 'week', 'month', 'year') NULL,
    `remaining_occurrences` SMALLINT UNSIGNED NOT NULL DEFAULT 0,
    `revision` INTEGER UNSIGNED NOT NULL DEFAULT 1,

    UNIQUE INDEX `conferences_invitation_id_key`(`invitation_id`),
    UNIQUE INDEX `conferences_admin_id_key`(`admin_id`),
    UNIQUE INDEX `conferences_room_id_key`(`room_id`),
    INDEX `conferences_starts_at_idx`(`starts_at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
