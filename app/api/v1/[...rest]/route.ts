import { unknownEndpoint } from '@/lib/api/handle';

// Any path under /api/v1 that no operation serves: a problem document, not the app's HTML 404 page.
export const GET = unknownEndpoint;
export const POST = unknownEndpoint;
export const PUT = unknownEndpoint;
export const PATCH = unknownEndpoint;
export const DELETE = unknownEndpoint;
