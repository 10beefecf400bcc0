// The demo's messages, sent with put_var / get_var (Godot's binary Variant encoding), so a
// GDScript client built on Godot's DTLS classes could join the same chat.
export type ChatMessage =
  | { type: "hello"; from: string }
  | { type: "chat"; from: string; text: string }
  | { type: "bye"; from: string };

export function is_chat_message(value: unknown): value is ChatMessage {
  if (typeof value !== "object" || value === null) {
    return false;
  }
  const message = value as Record<string, unknown>;
  return (
    typeof message.from === "string" &&
    (message.type === "hello" ||
      message.type === "bye" ||
      (message.type === "chat" && typeof message.text === "string"))
  );
}
