package org.tesseracrm.kernel.ui.internal.views;

import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;

import org.tesseracrm.kernel.api.security.RegionalSettings;

/**
 * The time zone and locale pickers of the profile page and of the Users page: region zones by id
 * ({@code Europe/Berlin}), locales with a country by their name ({@code German (Germany)}).
 */
public final class RegionalFields {
    private static final List<String> ZONES = Stream.concat(Stream.of("UTC"), ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/")).sorted()).toList();
    private static final List<Locale> LOCALES = Arrays.stream(Locale.getAvailableLocales())
            .filter(l -> !l.getLanguage().isEmpty() && !l.getCountry().isEmpty() && l.getVariant().isEmpty()
                    && l.getScript().isEmpty() && l.getExtensionKeys().isEmpty())
            .sorted(Comparator.comparing(l -> l.getDisplayName(Locale.ENGLISH))).toList();

    private final ComboBox<String> zone = new ComboBox<>("Time zone");
    private final ComboBox<Locale> locale = new ComboBox<>("Language and region (date and number formats)");

    /** @param idPrefix prefix of the element ids, {@code <prefix>-zone} and {@code <prefix>-locale} */
    public RegionalFields(String idPrefix) {
        zone.setId(idPrefix + "-zone");
        zone.setItems(ZONES);
        zone.setItemLabelGenerator(id -> id.replace('_', ' ') + " ("
                + ZoneId.of(id).getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + ")");
        zone.setWidthFull();
        zone.setRequired(true);
        locale.setId(idPrefix + "-locale");
        locale.setItems(LOCALES);
        locale.setItemLabelGenerator(l -> l.getDisplayName(Locale.ENGLISH));
        locale.setWidthFull();
        locale.setRequired(true);
    }

    /** @return the time zone picker */
    public ComboBox<String> zone() {
        return zone;
    }

    /** @return the locale picker */
    public ComboBox<Locale> locale() {
        return locale;
    }

    /** @param settings shown in the pickers */
    public void show(RegionalSettings settings) {
        // a browser may have given a zone or locale the lists leave out: offer it too
        if (!ZONES.contains(settings.zone().getId())) {
            zone.setItems(Stream.concat(Stream.of(settings.zone().getId()), ZONES.stream()).toList());
        }
        if (!LOCALES.contains(settings.locale())) {
            locale.setItems(Stream.concat(Stream.of(settings.locale()), LOCALES.stream()).toList());
        }
        zone.setValue(settings.zone().getId());
        locale.setValue(settings.locale());
    }

    /** @return the chosen settings; empty pickers keep what {@code before} had */
    public RegionalSettings value(RegionalSettings before) {
        return new RegionalSettings(zone.getValue() == null ? before.zone() : ZoneId.of(zone.getValue()),
                locale.getValue() == null ? before.locale() : locale.getValue());
    }

    /** @return the pickers by the field names of the service's errors */
    public Map<String, HasValidation> validations() {
        return Map.of("zone", zone, "locale", locale);
    }
}
