/** Operating a broker: {@link io.ternmq.client.admin.AdminClient} and the records it returns. */
package io.ternmq.client.admin;
