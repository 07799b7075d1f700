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
 * phone, one of 50,000 companies (a company record, linked by the contact's company lookup, and its
 * name), one of 50 owners, and three custom fields (segment pick-list, score 0–999, renewal date) in
 * the custom columns the record platform added to the contacts table.
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
        try (PreparedStatement company = connection.prepareStatement("INSERT INTO CRM_COMPANY (ID, NAME, CITY, OWNER, "
                + "CREATED_AT, UPDATED_AT, VERSION) VALUES (?,?,?,?,?,?,1)")) {
            for (int i = 0; i < companies.size(); i++) {
                Timestamp created = Timestamp.valueOf(epoch.plusMinutes(i));
                company.setLong(1, i + 1L);
                company.setString(2, companies.get(i));
                company.setString(3, faker.address().city());
                company.setString(4, "user" + (1 + i % 50));
                company.setTimestamp(5, created);
                company.setTimestamp(6, created);
                company.addBatch();
                if ((i + 1) % BATCH == 0) {
                    company.executeBatch();
                }
            }
            company.executeBatch();
        }
        ListBenchmark.execute(connection, "UPDATE COMPANIES_ID_GEN SET GEN_VALUE = " + companies.size() + " WHERE GEN_NAME = 'COMPANY'");
        connection.commit();
        try (PreparedStatement contact = connection.prepareStatement("INSERT INTO CRM_CONTACT (ID, FIRST_NAME, LAST_NAME, "
                + "EMAIL, PHONE, COMPANY_NAME, OWNER, CREATED_AT, UPDATED_AT, VERSION, CF_SEGMENT, CF_SCORE, CF_RENEWAL, "
                + "COMPANY_ID) VALUES (?,?,?,?,?,?,?,?,?,1,?,?,?,?)")) {
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
                int works = random.nextInt(companies.size());
                contact.setString(6, companies.get(works));
                contact.setLong(13, works + 1L);
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
        // As the entity's table generator would have left it, so imports take fresh ids.
        try (PreparedStatement ids = connection.prepareStatement("UPDATE CONTACTS_ID_GEN SET GEN_VALUE = ? "
                + "WHERE GEN_NAME = 'CONTACT'")) {
            ids.setLong(1, rows);
            ids.executeUpdate();
            connection.commit();
        }
    }

    /**
     * @param rows the number of data rows
     * @return a csv file of new contacts as a user would import it: the predefined fields and the three
     *     custom ones, e-mail addresses unlike any generated by {@link #fill}
     */
    static byte[] importFile(int rows) {
        Random random = new Random(7);
        Faker faker = new Faker(Locale.ENGLISH, random);
        StringBuilder csv = new StringBuilder("First name,Last name,E-mail,Phone,Company,Segment,Score,Renewal\n");
        for (int i = 1; i <= rows; i++) {
            String first = faker.name().firstName().replace(",", "");
            String last = faker.name().lastName().replace(",", "");
            csv.append(first).append(',').append(last).append(',')
                    .append(("imported." + first + "." + last + i + "@example.net").toLowerCase(Locale.ROOT)
                            .replace(' ', '-').replace("'", ""))
                    .append(",+1 555 ").append(1_000_000 + random.nextInt(9_000_000)).append(',')
                    .append(faker.company().name().replace(",", "")).append(',')
                    .append(SEGMENTS[random.nextInt(SEGMENTS.length)]).append(',').append(random.nextInt(1000)).append(',')
                    .append(LocalDate.of(2026, 1, 1).plusDays(random.nextInt(730))).append('\n');
        }
        return csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
