import Foundation

/// ISO 8601 timestamps in UTC with whole seconds (`2026-12-05T02:55:41Z`), the
/// form run files record start and end times in. Built from the calendar
/// fields directly, so no shared, non-thread-safe formatter is involved.
public enum UTCTimestamp {
    /// `date` as `YYYY-MM-DDTHH:MM:SSZ`.
    public static func string(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }
}
