package dev.flof.spi.flow;

import java.util.List;

/**
 * Volume at price over a range or leg. Prices are fixed-point.
 *
 * @param lvnZones contiguous low-volume-node runs as [low, high] pairs
 */
public record VolumeProfile(long poc, long valueAreaHigh, long valueAreaLow, long totalVolume,
                            List<Long> highVolumeNodes, List<Long> lowVolumeNodes, List<long[]> lvnZones) {
    public VolumeProfile {
        highVolumeNodes = List.copyOf(highVolumeNodes);
        lowVolumeNodes = List.copyOf(lowVolumeNodes);
        lvnZones = List.copyOf(lvnZones);
    }
}
