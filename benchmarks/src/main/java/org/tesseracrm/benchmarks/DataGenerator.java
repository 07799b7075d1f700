package org.tesseracrm.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import net.datafaker.Faker;

/**
 * Realistic contacts from Datafaker with a fixed seed (the same data on every run): names, e-mail,
 * phone, one of 50,000 company names, one of 50 owners, and three custom fields (segment pick-list,
 * score 0–999, renewal date) in the custom columns the record platform added to the contacts table.
 */
final class DataGenerator {
    static final int BATCH = 5_000;
    static final String[] SEGMENTS = {"Enterprise", "Mid-market", "Mid-market", "SMB", "SMB", "SMB", "SMB",
        "SMB", "SMB", "SMB", "SMB", "SMB", "SMB", "SMB", "SMB", "SMB", "SMB", "SMB", "SMB", "SMB"};

    private DataGenerator() {
    }

    static void fill(Connection connection, int rows) throws SQLException {
        Random random = new Random(42);
        Faker faker = new Faker(Locale.ENGLISH, random);
        List<String> companies = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            companies.add(faker.company().name());
        }
        LocalDateTime epoch = LocalDateTime.of(2024, 1, 1, 0, 0);
        try (PreparedStatement contact = connection.prepareStatement("INSERT INTO CRM_CONTACT (ID, FIRST_NAME, LAST_NAME, "
                + "EMAIL, PHONE, COMPANY_NAME, OWNER, CREATED_AT, UPDATED_AT, VERSION, CF_SEGMENT, CF_SCORE, CF_RENEWAL) "
                + "VALUES (?,?,?,?,?,?,?,?,?,1,?,?,?)")) {
            for (int id = 1; id <= rows; id++) {
                String first = faker.name().firstName();
                String last = faker.name().lastName();
                Timestamp created = Timestamp.valueOf(epoch.plusMinutes(random.nextInt(1_000_000)));
                contact.setLong(1, id);
                contact.setString(2, first);
                contact.setString(3, last);
                contact.setString(4, (first + "." + last + id + "@example.org").toLowerCase(Locale.ROOT).replace(' ', '-')
                        .replace("'", ""));
                contact.setString(5, "+1 555 " + (1_000_000 + random.nextInt(9_000_000)));
                contact.setString(6, companies.get(random.nextInt(companies.size())));
                contact.setString(7, "user" + (1 + random.nextInt(50)));
                contact.setTimestamp(8, created);
                contact.setTimestamp(9, created);
                contact.setString(10, SEGMENTS[random.nextInt(SEGMENTS.length)]);
                contact.setBigDecimal(11, BigDecimal.valueOf(random.nextInt(1000)));
                contact.setDate(12, Date.valueOf(LocalDate.of(2026, 1, 1).plusDays(random.nextInt(730))));
                contact.addBatch();
                if (id % BATCH == 0 || id == rows) {
                    contact.executeBatch();
                    connection.commit();
                }
                if (id % 100_000 == 0) {
                    System.out.printf("  %,d contacts written%n", id);
                }
            }
        }
    }
}
