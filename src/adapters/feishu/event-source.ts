/**
 * Where Feishu events come from. In production: the SDK's long connection (WSClient, no public
 * URL), which feeds each event to the EventDispatcher and sends the handler's result (a card
 * callback's toast) back. Its protobuf frames can't be faked, so tests use the direct source, which
 * invokes the same dispatcher with event bodies the way WSClient does.
 */
import * as lark from '@larksuiteoapi/node-sdk';

export interface FeishuEventSource {
  start(dispatcher: lark.EventDispatcher): Promise<void>;
  stop(): Promise<void>;
}

export function createLongConnectionSource(options: {
  appId: string;
  appSecret: string;
  domain: string;
  logger: lark.Logger;
}): FeishuEventSource {
  let client: lark.WSClient | undefined;
  return {
    async start(dispatcher) {
      client = new lark.WSClient({
        appId: options.appId,
        appSecret: options.appSecret,
        domain: options.domain,
        logger: options.logger,
      });
      await client.start({ eventDispatcher: dispatcher });
    },
    async stop() {
      client?.close();
      client = undefined;
    },
  };
}

export interface DirectEventSource extends FeishuEventSource {
  /** Invokes the started dispatcher with one event body (schema 2.0), as WSClient does. */
  dispatch(body: Record<string, unknown>): Promise<unknown>;
}

export function createDirectEventSource(): DirectEventSource {
  let dispatcher: lark.EventDispatcher | undefined;
  return {
    async start(next) {
      dispatcher = next;
    },
    async stop() {
      dispatcher = undefined;
    },
    async dispatch(body) {
      if (!dispatcher) throw new Error('the feishu event source is not started');
      const result: unknown = await dispatcher.invoke(body, { needCheck: false });
      return result;
    },
  };
}
