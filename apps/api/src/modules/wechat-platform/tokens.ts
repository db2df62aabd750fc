import { Inject } from '@nestjs/common';

/** The mini-program appid in use: the sandbox's or WECHAT_APP_ID. */
export const MINI_PROGRAM_APP_ID = Symbol('MINI_PROGRAM_APP_ID');
export const InjectAppId = (): ParameterDecorator => Inject(MINI_PROGRAM_APP_ID);
