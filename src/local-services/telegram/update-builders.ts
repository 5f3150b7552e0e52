/**
 * Updates as Telegram sends them to a bot (shapes follow shared/data/telegram-updates/updates:
 * command.json, text.json, callback_query.json). A command carries its `bot_command` entity,
 * which telegraf needs to route it.
 */

export type ChatUser = { id: number; first_name: string; username?: string; language_code?: string };

let nextMessageId = 1000;

function privateChat(user: ChatUser) {
  return {
    id: user.id,
    first_name: user.first_name,
    ...(user.username ? { username: user.username } : {}),
    type: "private",
  };
}

function from(user: ChatUser) {
  return {
    id: user.id,
    is_bot: false,
    first_name: user.first_name,
    ...(user.username ? { username: user.username } : {}),
    language_code: user.language_code ?? "en",
  };
}

/** A private-chat text message; a leading "/command" gets its bot_command entity. */
export function messageUpdate(user: ChatUser, text: string) {
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  return {
    message: {
      message_id: nextMessageId++,
      from: from(user),
      chat: privateChat(user),
      date: Math.floor(Date.now() / 1000),
      text,
      ...(command ? { entities: [{ offset: 0, length: command[0].length, type: "bot_command" }] } : {}),
    },
  };
}

/** The user pressed an inline button under a message the bot sent. */
export function callbackQueryUpdate(
  user: ChatUser,
  data: string,
  message: { message_id: number; text: string; reply_markup?: unknown },
  botUser: { id: number; first_name: string; username: string },
) {
  return {
    callback_query: {
      id: String(BigInt(user.id) * 1_000_000n + BigInt(nextMessageId++)),
      from: from(user),
      message: {
        message_id: message.message_id,
        from: { id: botUser.id, is_bot: true, first_name: botUser.first_name, username: botUser.username },
        chat: privateChat(user),
        date: Math.floor(Date.now() / 1000),
        text: message.text,
        ...(message.reply_markup ? { reply_markup: message.reply_markup } : {}),
      },
      chat_instance: String(user.id * 7 + 1),
      data,
    },
  };
}
