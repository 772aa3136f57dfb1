-- What a Jitsi that enforces bookings needs to know (lib/jitsi/): when "Join now" opened a room early,
-- and which rooms are no longer any conference's.
ALTER TABLE `conferences` ADD COLUMN `opened_early_at` DATETIME(0) NULL;

-- CreateTable
CREATE TABLE `retired_rooms` (
    `room_hash` BINARY(32) NOT NULL,
    `retired_at` DATETIME(0) NOT NULL,

    INDEX `retired_rooms_retired_at_idx`(`retired_at`),
    PRIMARY KEY (`room_hash`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
