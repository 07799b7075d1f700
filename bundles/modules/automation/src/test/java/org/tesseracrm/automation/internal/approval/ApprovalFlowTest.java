package org.tesseracrm.automation.internal.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tesseracrm.automation.api.ApprovalProcess;
import org.tesseracrm.automation.api.ApprovalRequest;
import org.tesseracrm.automation.api.ApprovalStep;
import org.tesseracrm.kernel.api.automation.Criteria;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.security.RoleInfo;
import org.tesseracrm.kernel.api.security.UserInfo;

class ApprovalFlowTest {
    // CEO (boss) > Sales manager (nobody active: mia inactive) > Sales rep (rita); ivan has no role
    private final Managers managers = new Managers(List.of(new RoleInfo(1, "CEO", null),
            new RoleInfo(2, "Sales manager", 1L), new RoleInfo(3, "Sales rep", 2L)),
            List.of(user(10, "boss", 1L, true), user(11, "mia", 2L, false), user(12, "rita", 3L, true),
                    user(13, "ivan", null, true), user(14, "zoe", 1L, true)));

    @Test
    void theManagerIsTheNearestRoleAboveWithActiveUsersAndANamedUserMustBeActive() {
        assertEquals(List.of("boss", "zoe"), ApprovalFlow.approvers(ApprovalStep.manager(), "rita", managers));
        assertEquals(List.of(), ApprovalFlow.approvers(ApprovalStep.manager(), "boss", managers), "top of the tree");
        assertEquals(List.of(), ApprovalFlow.approvers(ApprovalStep.manager(), "ivan", managers), "no role");
        assertEquals(List.of("ivan"), ApprovalFlow.approvers(ApprovalStep.user("ivan"), "rita", managers));
        assertEquals(List.of(), ApprovalFlow.approvers(ApprovalStep.user("mia"), "rita", managers), "inactive");
    }

    @Test
    void approvingMovesToTheNextStepUntilTheLastAndRejectingEndsAtOnce() {
        assertEquals(new ApprovalFlow.Next(ApprovalRequest.Status.PENDING, 2), ApprovalFlow.decide(1, 3, true));
        assertEquals(new ApprovalFlow.Next(ApprovalRequest.Status.PENDING, 3), ApprovalFlow.decide(2, 3, true));
        assertEquals(new ApprovalFlow.Next(ApprovalRequest.Status.APPROVED, 3), ApprovalFlow.decide(3, 3, true));
        assertEquals(new ApprovalFlow.Next(ApprovalRequest.Status.REJECTED, 2), ApprovalFlow.decide(2, 3, false));
        assertEquals(new ApprovalFlow.Next(ApprovalRequest.Status.APPROVED, 1), ApprovalFlow.decide(1, 1, true));
    }

    @Test
    void onlyAPendingRequestLocksAndTheMessageNamesTheApprovers() {
        ApprovalRequest pending = request(ApprovalRequest.Status.PENDING, List.of("boss", "zoe"));
        assertEquals(Optional.of("Quote Q-1 is waiting for approval by boss, zoe (Discount, step 1 of 2): it cannot be "
                + "changed until it is approved or rejected"), ApprovalFlow.lock(Optional.of(pending), "Quote Q-1"));
        assertTrue(ApprovalFlow.lock(Optional.of(request(ApprovalRequest.Status.APPROVED, List.of())), "Q")
                .isEmpty());
        assertTrue(ApprovalFlow.lock(Optional.of(request(ApprovalRequest.Status.REJECTED, List.of())), "Q")
                .isEmpty());
        assertTrue(ApprovalFlow.lock(Optional.empty(), "Q").isEmpty());
        assertEquals(Optional.of("Q is waiting for approval by the submitter's manager (Discount, step 1 of 2): it "
                + "cannot be changed until it is approved or rejected"),
                ApprovalFlow.lock(Optional.of(request(ApprovalRequest.Status.PENDING, List.of())), "Q"));
    }

    @Test
    void aGatedValueNeedsTheNewestRequestApprovedWhenTheRecordMeetsTheCriteria() {
        ApprovalProcess process = new ApprovalProcess(1, "Discount", "quote", Criteria.all(new Filter("discount",
                FilterOp.BETWEEN, List.of("100", ""))), List.of(ApprovalStep.manager()), "status",
                List.of("Sent", "Accepted"), true, 1);
        assertEquals(Optional.of("\"Sent\" needs the approval \"Discount\": submit it for approval first"),
                ApprovalFlow.gate(process, true, "Draft", "Sent", Optional.empty()));
        assertEquals(Optional.of("\"Sent\" needs the approval \"Discount\": it is waiting for approval"),
                ApprovalFlow.gate(process, true, "Draft", "Sent", Optional.of(ApprovalRequest.Status.PENDING)));
        assertEquals(Optional.of("\"Sent\" needs the approval \"Discount\": its approval was rejected: submit it "
                + "again"), ApprovalFlow.gate(process, true, "Draft", "Sent",
                        Optional.of(ApprovalRequest.Status.REJECTED)));
        assertTrue(ApprovalFlow.gate(process, true, "Draft", "Sent", Optional.of(ApprovalRequest.Status.APPROVED))
                .isEmpty());
        assertTrue(ApprovalFlow.gate(process, false, "Draft", "Sent", Optional.empty()).isEmpty(), "no criteria met");
        assertTrue(ApprovalFlow.gate(process, true, "Draft", "Rejected", Optional.empty()).isEmpty(), "not gated");
        assertTrue(ApprovalFlow.gate(process, true, "Sent", "Sent", Optional.empty()).isEmpty(), "unchanged");
        ApprovalProcess off = new ApprovalProcess(1, "Discount", "quote", Criteria.none(), process.steps(), "status",
                List.of("Sent"), false, 1);
        assertTrue(ApprovalFlow.gate(off, true, "Draft", "Sent", Optional.empty()).isEmpty(), "inactive process");
    }

    private static ApprovalRequest request(ApprovalRequest.Status status, List<String> approvers) {
        return new ApprovalRequest(5, 1, "Discount", "quote", 7, "rita", "", status, 1,
                List.of(ApprovalStep.manager(), ApprovalStep.user("ivan")), approvers, Instant.EPOCH,
                Optional.empty(), List.of());
    }

    private static UserInfo user(long id, String name, Long role, boolean active) {
        return new UserInfo(id, name, name, "", "", role, 1L, Set.of(), active, false);
    }
}
