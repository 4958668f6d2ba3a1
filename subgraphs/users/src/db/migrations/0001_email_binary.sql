-- Emails are normalized in code (NFKC, lower case, trimmed) and compared byte for byte: under the
-- server's utf8mb4_unicode_ci, 'álice@x' and 'ａlice@x' matched alice@x's row while the login
-- throttle counted them apart. drizzle-kit cannot declare a column collation, hence this file.
ALTER TABLE `users` MODIFY `email` varchar(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
