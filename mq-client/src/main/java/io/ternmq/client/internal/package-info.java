/**
 * Collaborators shared by the producer, the consumers and the admin client (route cache, heartbeats, blocking
 * waits). Not API: may change without notice.
 */
package io.ternmq.client.internal;
