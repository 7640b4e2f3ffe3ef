package dev.eliza.persistence.impl;

import java.util.UUID;

import javax.sql.DataSource;

import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/**
 * Builds MyBatis session factories over the shared pool, one per domain bundle, with that bundle's loader; ids
 * ({@link UUID}) have their own type handler.
 */
final class SessionFactories {
    private SessionFactories() {
    }

    static SqlSessionFactory create(DataSource dataSource, ClassLoader classLoader, Class<?>... mappers) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(classLoader);
        try {
            Configuration configuration = new Configuration(
                    new Environment("eliza", new JdbcTransactionFactory(), dataSource));
            configuration.setMapUnderscoreToCamelCase(true);
            configuration.getTypeHandlerRegistry().register(UUID.class, new UuidTypeHandler());
            for (Class<?> mapper : mappers) {
                configuration.addMapper(mapper);
            }
            return new SqlSessionFactoryBuilder().build(configuration);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
