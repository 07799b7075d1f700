package org.tesseracrm.activities.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;

class ActivityRulesTest {
    private static final LocalDateTime START = LocalDateTime.of(2026, 11, 24, 10, 0);

    private static Map<String, Object> activity(String kind) {
        Map<String, Object> values = new HashMap<>();
        values.put("kind", kind);
        values.put("subject", "Quarterly review");
        values.put("dueAt", START);
        values.put("priority", "");
        values.put("meetingLink", "");
        return values;
    }

    private static List<String> fields(Map<String, Object> values) {
        return ActivityRules.check(values).stream().map(FieldError::field).toList();
    }

    @Test
    void aPlainCallMeetingOrTaskPasses() {
        assertEquals(List.of(), fields(activity("call")));
        assertEquals(List.of(), fields(activity("Meeting")), "labels are accepted too (imports)");
        Map<String, Object> task = activity("task");
        task.put("priority", "high");
        assertEquals(List.of(), fields(task));
    }

    @Test
    void unknownKindsAndPrioritiesAndAnEndBeforeTheStartAreRefused() {
        assertEquals(List.of("kind"), fields(activity("visit")));
        Map<String, Object> task = activity("task");
        task.put("priority", "urgent");
        assertEquals(List.of("priority"), fields(task));
        Map<String, Object> meeting = activity("meeting");
        meeting.put("endAt", START);
        assertEquals(List.of("endAt"), fields(meeting), "an end equal to the start is no meeting");
        meeting.put("endAt", START.plusMinutes(30));
        assertEquals(List.of(), fields(meeting));
    }

    @Test
    void videoMeetingsNeedATeamsOrZoomLink() {
        Map<String, Object> checkIn = activity("video-checkin");
        assertEquals(List.of("meetingLink"), fields(checkIn));
        checkIn.put("meetingLink", "https://evil.example.com/zoom.us/j/1");
        assertEquals(List.of("meetingLink"), fields(checkIn));
        checkIn.put("meetingLink", "https://us02web.zoom.us/j/85512345678?pwd=abc");
        assertEquals(List.of(), fields(checkIn));
        Map<String, Object> call = activity("video-call");
        call.put("meetingLink", "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0");
        assertEquals(List.of(), fields(call));
    }

    @Test
    void onlyHttpsLinksToTeamsOrZoomHostsCount() {
        assertTrue(ActivityRules.videoLink("https://zoom.us/j/123"));
        assertTrue(ActivityRules.videoLink("https://teams.live.com/meet/9876"));
        assertFalse(ActivityRules.videoLink("http://zoom.us/j/123"), "not https");
        assertFalse(ActivityRules.videoLink("https://zoom.us.evil.com/j/1"), "look-alike host");
        assertFalse(ActivityRules.videoLink("https://user@zoom.us/j/1"), "user info hides the real target in some browsers");
        assertFalse(ActivityRules.videoLink("javascript:alert(1)"));
        assertFalse(ActivityRules.videoLink("https://notzoom.us/j/1"));
    }

    @Test
    void joiningAVideoCheckInCountsAsAVisitOnceAndAVideoCallNever() {
        assertTrue(ActivityRules.joinChecksIn(Kind.VIDEO_CHECKIN, true, false));
        assertFalse(ActivityRules.joinChecksIn(Kind.VIDEO_CHECKIN, true, true), "joining again");
        assertFalse(ActivityRules.joinChecksIn(Kind.VIDEO_CHECKIN, false, false), "no customer to have visited");
        assertFalse(ActivityRules.joinChecksIn(Kind.VIDEO_CALL, true, false), "a video call is an ordinary activity");
    }

    @Test
    void onlyVideoMeetingsWithAVideoLinkCanBeJoined() {
        ActivityRules.checkJoinable(Kind.VIDEO_CALL, "https://zoom.us/j/1");
        assertEquals("kind", assertThrows(ValidationException.class,
                () -> ActivityRules.checkJoinable(Kind.MEETING, "https://zoom.us/j/1")).errors().get(0).field());
        assertEquals("meetingLink", assertThrows(ValidationException.class,
                () -> ActivityRules.checkJoinable(Kind.VIDEO_CHECKIN, "https://example.com/j/1")).errors().get(0).field());
    }
}
