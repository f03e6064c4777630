import type { Element } from 'domhandler';
import { attr } from './storage-parser';

const EMOTICONS: Record<string, string> = {
  smile: '🙂',
  sad: '🙁',
  cheeky: '😛',
  laugh: '😀',
  wink: '😉',
  'thumbs-up': '👍',
  'thumbs-down': '👎',
  information: 'ℹ️',
  tick: '✅',
  cross: '❌',
  warning: '⚠️',
  plus: '➕',
  minus: '➖',
  question: '❓',
  'light-on': '💡',
  'light-off': '🌑',
  'yellow-star': '⭐',
  'red-star': '🌟',
  'green-star': '🌟',
  'blue-star': '🌟',
  heart: '❤️',
  'broken-heart': '💔',
};

/** The unicode character for an `ac:emoticon`: its own emoji fallback, the classic name map, or `:name:`. */
export function emoticonText(element: Element): string {
  const fallback = attr(element, 'ac:emoji-fallback');
  if (fallback) {
    return fallback;
  }
  const name = attr(element, 'ac:name') ?? '';
  return EMOTICONS[name] ?? `:${name}:`;
}
