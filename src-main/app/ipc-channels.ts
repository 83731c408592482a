// Channel names shared by main and the preload; the only two the renderer can reach.
export const INVOKE_CHANNEL = 'replybase:invoke'
export const EVENT_CHANNEL = 'replybase:event'
