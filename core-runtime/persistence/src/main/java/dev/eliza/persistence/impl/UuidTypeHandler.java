package dev.eliza.persistence.impl;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * {@link UUID} parameters and columns, registered in every session factory. Without it MyBatis finds no handler
 * for a UUID: a {@code #{id}} then resolves one at each execution, and an id inside a {@code <foreach>} needs a
 * handler named in the SQL, which dynamic SQL looks up by class name (failed class loads and constructor probes,
 * each an exception) for every element of every execution. A column that holds an id as text reads as a UUID too.
 */
final class UuidTypeHandler extends BaseTypeHandler<UUID> {
    @Override
    public void setNonNullParameter(PreparedStatement statement, int index, UUID value, JdbcType jdbcType)
            throws SQLException {
        statement.setObject(index, value);
    }

    @Override
    public UUID getNullableResult(ResultSet rows, String column) throws SQLException {
        return uuid(rows.getObject(column));
    }

    @Override
    public UUID getNullableResult(ResultSet rows, int column) throws SQLException {
        return uuid(rows.getObject(column));
    }

    @Override
    public UUID getNullableResult(CallableStatement call, int column) throws SQLException {
        return uuid(call.getObject(column));
    }

    private static UUID uuid(Object value) {
        return value == null || value instanceof UUID ? (UUID) value : UUID.fromString(value.toString());
    }
}
