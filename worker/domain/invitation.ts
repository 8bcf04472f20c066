/** How long an e-mailed survey link stays answerable. */
export const INVITATION_TTL_DAYS = 30;
