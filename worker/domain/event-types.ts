/** The events a webhook endpoint can subscribe to; an endpoint that names none gets all. */
export const EVENT_TYPES = [
  "response.created",
  "response.updated",
  "follow_up.opened",
  "follow_up.updated",
  "target.missed",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const ENDPOINT_FORMATS = ["standard", "slack"] as const;
export type EndpointFormat = (typeof ENDPOINT_FORMATS)[number];

/** Where one event's delivery to one endpoint stands: retried while pending, then delivered or failed. */
export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
