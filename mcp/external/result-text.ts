import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

/** The text parts of an external tool's result; other kinds are named, not passed on. */
export function resultLines(content: CallToolResult['content']): string[] {
  return content.flatMap((part) => {
    switch (part.type) {
      case 'text':
        return part.text.split('\n');
      case 'resource':
        return 'text' in part.resource
          ? part.resource.text.split('\n')
          : [`[binary resource ${part.resource.uri} not shown]`];
      case 'resource_link':
        return [`[resource ${part.uri}]`];
      default:
        return [`[${part.type} content not shown]`];
    }
  });
}
