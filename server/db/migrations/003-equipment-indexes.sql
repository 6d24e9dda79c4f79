-- Indexes for the rules that run under the station lock: equipment by venue, equipment events
-- by equipment, bookings by venue (fault flagging).
CREATE INDEX sync_docs_equipment_venue ON sync_docs (station_id, (data ->> 'venueId')) WHERE collection = 'equipment';
CREATE INDEX sync_docs_log_equipment ON sync_docs (station_id, (data ->> 'equipmentId')) WHERE collection = 'equipmentLogs';
CREATE INDEX sync_docs_booking_venue ON sync_docs (station_id, (data ->> 'venueId')) WHERE collection = 'bookings';
