/** The {@link io.ternmq.spring.annotation.MQListener @MQListener} annotation and the enums of its attributes. */
package io.ternmq.spring.annotation;
