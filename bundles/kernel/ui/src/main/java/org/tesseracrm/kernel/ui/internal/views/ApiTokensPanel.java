package org.tesseracrm.kernel.ui.internal.views;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.security.ApiToken;
import org.tesseracrm.kernel.api.security.ApiTokenRequest;
import org.tesseracrm.kernel.api.security.ApiTokenScope;
import org.tesseracrm.kernel.api.security.ApiTokens;
import org.tesseracrm.kernel.api.security.CreatedApiToken;
import org.tesseracrm.kernel.ui.internal.views.ApiTokenTexts.Expiry;
import org.tesseracrm.kernel.ui.kit.FieldErrors;
import org.tesseracrm.kernel.ui.kit.LocalTimes;

/**
 * One user's personal API tokens, on My profile (the user's own) and on the Users page (anybody's, for a user
 * administrator): the list with Revoke, and New token, whose dialog shows the secret once. {@link ApiTokens} checks
 * who may do what; the panel only offers it. Ids: {@code api-tokens-grid}, {@code api-token-new}, in the dialog
 * {@code api-token-name}, {@code api-token-scope}, {@code api-token-types}, {@code api-token-expiry},
 * {@code api-token-expires-on}, {@code api-token-create}, then {@code api-token-secret}, {@code api-token-copy},
 * {@code api-token-done}; per token {@code api-token-revoke-<id>} and in its confirmation
 * {@code api-token-revoke-confirm}.
 */
public class ApiTokensPanel extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final transient ApiTokens tokens;
    private final transient RecordTypes types;
    private final transient Predicate<RecordType> offered;
    private final String username;
    private final Grid<ApiToken> grid = new Grid<>();
    private transient Map<String, String> typeLabels = Map.of();

    /**
     * @param tokens the tokens service, which checks permissions
     * @param types the installed record types
     * @param offered which of them the dialog offers to limit a token to
     * @param username whose tokens the panel shows and creates
     */
    public ApiTokensPanel(ApiTokens tokens, RecordTypes types, Predicate<RecordType> offered, String username) {
        this.tokens = tokens;
        this.types = types;
        this.offered = offered;
        this.username = username;
        setPadding(false);
        Button create = new Button("New token", e -> openNew());
        create.setId("api-token-new");
        grid.setId("api-tokens-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(ApiToken::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(t -> ApiTokenTexts.scope(t.scope())).setHeader("Scope").setAutoWidth(true);
        grid.addColumn(t -> ApiTokenTexts.recordTypes(t, typeLabels)).setHeader("Record types").setAutoWidth(true);
        grid.addColumn(t -> LocalTimes.current().format(t.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(t -> shown(t.expiresAt())).setHeader("Expires").setAutoWidth(true);
        grid.addColumn(t -> shown(t.lastUsedAt())).setHeader("Last used").setAutoWidth(true);
        grid.addColumn(t -> ApiTokenTexts.state(t, Instant.now())).setHeader("State").setAutoWidth(true);
        grid.addComponentColumn(this::revokeButton).setHeader("").setAutoWidth(true);
        add(new Paragraph("Scripts and other systems call the REST API (/api) with a token: the call runs as "
                + username + ", with the same rights, narrowed to reading or to some record types if you choose."),
                create, grid);
        refresh();
    }

    private void refresh() {
        typeLabels = types.all().stream().collect(Collectors.toMap(RecordType::id, RecordType::pluralLabel, (a, b) -> a));
        grid.setItems(tokens.list(username));
        grid.recalculateColumnWidths(); // a revoked token's state is wider than its Revoke button was
    }

    private static String shown(Optional<Instant> at) {
        return at.map(LocalTimes.current()::format).orElse("Never");
    }

    private Button revokeButton(ApiToken token) {
        Button revoke = new Button("Revoke", e -> confirmRevoke(token));
        revoke.setId("api-token-revoke-" + token.id());
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        revoke.setVisible(token.revokedAt().isEmpty());
        return revoke;
    }

    private void confirmRevoke(ApiToken token) {
        Dialog confirm = new Dialog();
        confirm.setHeaderTitle("Revoke the token " + token.name() + "?");
        confirm.add(new Paragraph("Scripts using it stop working at once: their next call is refused. "
                + "This cannot be undone; create a new token to replace it."));
        Button revoke = new Button("Revoke", e -> {
            tokens.revoke(token.id());
            confirm.close();
            refresh();
            Notification.show("Token " + token.name() + " revoked.").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        revoke.setId("api-token-revoke-confirm");
        revoke.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.getFooter().add(new Button("Keep it", e -> confirm.close()), revoke);
        confirm.open();
    }

    private void openNew() {
        Dialog dialog = new Dialog();
        dialog.setId("api-token-dialog");
        dialog.setHeaderTitle("New API token for " + username);
        dialog.setCloseOnOutsideClick(false);
        TextField name = new TextField("Name");
        name.setId("api-token-name");
        name.setHelperText("What it is for, e.g. Nightly export");
        name.setMaxLength(100);
        Select<ApiTokenScope> scope = new Select<>();
        scope.setId("api-token-scope");
        scope.setLabel("Scope");
        scope.setItems(ApiTokenScope.READ, ApiTokenScope.READ_WRITE);
        scope.setItemLabelGenerator(ApiTokenTexts::scope);
        scope.setValue(ApiTokenScope.READ); // the least a script needs is the safer start
        MultiSelectComboBox<RecordType> recordTypes = new MultiSelectComboBox<>("Record types");
        recordTypes.setId("api-token-types");
        recordTypes.setItems(types.all().stream().filter(offered).sorted(Comparator.comparing(RecordType::pluralLabel))
                .toList());
        recordTypes.setItemLabelGenerator(RecordType::pluralLabel);
        recordTypes.setHelperText("Leave empty for every type " + username + " may see");
        Select<Expiry> expiry = new Select<>();
        expiry.setId("api-token-expiry");
        expiry.setLabel("Expires");
        expiry.setItems(Expiry.values());
        expiry.setItemLabelGenerator(Expiry::label);
        expiry.setValue(Expiry.DAYS_90);
        DatePicker day = new DatePicker("Works until the end of");
        day.setId("api-token-expires-on");
        day.setMin(LocalDate.now(LocalTimes.zone()));
        day.setVisible(false);
        expiry.addValueChangeListener(e -> day.setVisible(e.getValue() == Expiry.ON_DATE));
        FormLayout form = new FormLayout(name, scope, recordTypes, expiry, day);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(form);
        Map<String, HasValidation> fields = Map.of("name", name, "recordTypes", recordTypes,
                "expiresAt", day);
        Button cancel = new Button("Cancel", e -> dialog.close());
        Button save = new Button("Create token");
        save.setId("api-token-create");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            FieldErrors.clear(fields);
            if (expiry.getValue() == Expiry.ON_DATE && day.getValue() == null) {
                day.setErrorMessage("Choose the last day it works.");
                day.setInvalid(true);
                return;
            }
            Optional<Instant> expiresAt = ApiTokenTexts.expiresAt(expiry.getValue(), day.getValue(), Instant.now(),
                    LocalTimes.zone());
            ApiTokenRequest request = new ApiTokenRequest(name.getValue(), scope.getValue(),
                    recordTypes.getValue().stream().map(RecordType::id).collect(Collectors.toSet()), expiresAt);
            CreatedApiToken created;
            try {
                created = tokens.create(username, request);
            } catch (ValidationException ex) {
                FieldErrors.show(ex, fields);
                return;
            }
            refresh();
            showSecret(dialog, created);
        });
        dialog.getFooter().add(cancel, save);
        dialog.open();
        name.focus();
    }

    /** Replaces the dialog's form with the secret: the only time anybody sees it. */
    private static void showSecret(Dialog dialog, CreatedApiToken created) {
        dialog.removeAll();
        dialog.getFooter().removeAll();
        dialog.setHeaderTitle("Token " + created.token().name() + " created");
        Paragraph warning = new Paragraph("Copy the secret now and keep it like a password. It will not be shown "
                + "again: Tessera stores only a fingerprint of it. If you lose it, revoke the token and create a new one.");
        warning.setId("api-token-warning");
        warning.getStyle().set("color", "var(--lumo-error-text-color)");
        TextField secret = new TextField("Secret");
        secret.setId("api-token-secret");
        secret.setValue(created.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        Button copy = new Button("Copy", e -> copy(secret));
        copy.setId("api-token-copy");
        HorizontalLayout line = new HorizontalLayout(secret, copy);
        line.setWidthFull();
        line.setAlignItems(Alignment.BASELINE);
        VerticalLayout body = new VerticalLayout(warning, line);
        body.setPadding(false);
        body.setMinWidth("36em");
        dialog.add(body);
        Button done = new Button("Done", e -> dialog.close());
        done.setId("api-token-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
    }

    /**
     * Copies the secret with the browser's clipboard, which needs HTTPS (or localhost); over plain HTTP it selects the
     * text and asks the browser to copy the selection, as older pages did.
     */
    private static void copy(TextField secret) {
        secret.getElement().executeJs("const text = this.value;"
                + "if (navigator.clipboard && window.isSecureContext) {"
                + "  return navigator.clipboard.writeText(text).then(() => true, () => false); }"
                + "this.inputElement.select(); return document.execCommand('copy');")
                .then(Boolean.class, copied -> Notification.show(Boolean.TRUE.equals(copied)
                        ? "Secret copied." : "Select the secret and copy it with Ctrl+C.")
                        .addThemeVariants(Boolean.TRUE.equals(copied) ? NotificationVariant.LUMO_SUCCESS
                                : NotificationVariant.LUMO_CONTRAST));
    }

    /** @return a predicate offering every record type, for an administrator making a token for somebody else */
    public static Predicate<RecordType> everyType() {
        return type -> true;
    }

    /**
     * @param permitted whether the current user has a permission
     * @return a predicate offering the types whose module's {@code .view} permission the current user has
     */
    public static Predicate<RecordType> viewableBy(Predicate<String> permitted) {
        return type -> permitted.test(type.moduleId() + ".view");
    }
}
