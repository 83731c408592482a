#!/bin/sh
# `replybase <command>` on Linux: the installed app's own command line (same runtime, data
# folder and keychain entries as the desktop app). Chromium's headless platform lets it start
# without a display (cron, ssh); `--cli` hands the rest to the command line before any window.
exec /opt/ReplyBase/replybase-desktop --ozone-platform=headless --cli "$@"
